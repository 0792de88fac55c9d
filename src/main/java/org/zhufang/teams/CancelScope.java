package org.zhufang.teams;

/** What a cancellation covers: one occurrence, or it and the rest of its series. */
public enum CancelScope {
	THIS_SHIFT, THIS_AND_FOLLOWING
}
