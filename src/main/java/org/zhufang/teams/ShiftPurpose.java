package org.zhufang.teams;

/** What a shift is for; a completed shift becomes an activity of the matching kind. */
public enum ShiftPurpose {

	PATROL(ActivityKind.PATROL), NIGHT_MARKET(ActivityKind.PATROL), EVENT_SECURITY(ActivityKind.PATROL),
	MEDIATION_DESK(ActivityKind.MEDIATION), HAZARD_CHECK(ActivityKind.HAZARD_CHECK), OTHER(ActivityKind.OTHER);

	private final ActivityKind activityKind;

	ShiftPurpose(ActivityKind activityKind) {
		this.activityKind = activityKind;
	}

	/** The kind of activity a completed shift of this purpose is logged as. */
	public ActivityKind activityKind() {
		return activityKind;
	}
}
