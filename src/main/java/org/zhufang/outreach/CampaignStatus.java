package org.zhufang.outreach;

/** PLANNED → ACTIVE → CLOSED. Talks are logged against ACTIVE campaigns; a CLOSED one is read-only. */
public enum CampaignStatus {
	PLANNED, ACTIVE, CLOSED
}
