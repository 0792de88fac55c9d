package org.zhufang.officers;

/** Why an officer visited. */
public enum VisitPurpose {
	ROUTINE, CONTACT_CARD, DISPUTE_FOLLOW_UP, HAZARD_CHECK, SATISFACTION_SURVEY, OTHER
}
