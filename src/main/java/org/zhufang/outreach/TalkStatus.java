package org.zhufang.outreach;

/** A talk counts in reach until it is withdrawn; a withdrawn talk is kept, not erased. */
public enum TalkStatus {
	COUNTED, WITHDRAWN
}
