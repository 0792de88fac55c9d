package org.zhufang.officers;

/** A resident's satisfaction with the police, when asked. */
public enum Satisfaction {

	VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED;

	/** Counts towards the satisfaction rate: satisfied or better. */
	public boolean isSatisfied() {
		return this == VERY_SATISFIED || this == SATISFIED;
	}
}
