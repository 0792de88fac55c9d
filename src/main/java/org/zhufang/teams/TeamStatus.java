package org.zhufang.teams;

/** A team is ACTIVE until disbanded; a disbanded team stays for history. */
public enum TeamStatus {
	ACTIVE, DISBANDED
}
