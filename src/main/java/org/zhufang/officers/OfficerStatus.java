package org.zhufang.officers;

/**
 * ACTIVE officers serve; TRANSFERRED ones have left the bureau (kept for history), RETIRED ones
 * have retired. Moves between stations keep an officer ACTIVE.
 */
public enum OfficerStatus {
	ACTIVE, TRANSFERRED, RETIRED
}
