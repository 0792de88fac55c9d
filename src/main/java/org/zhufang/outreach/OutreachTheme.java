package org.zhufang.outreach;

/** What a campaign or a talk is about; the "five prevention" themes are THEFT, ANTI_FRAUD, ANTI_DRUG, DISPUTE_PREVENTION and SAFETY_ACCIDENTS. */
public enum OutreachTheme {
	ANTI_FRAUD, ANTI_BULLYING, TRAFFIC, FIRE, ANTI_GAMBLING, ANTI_DRUG, DISPUTE_PREVENTION, LEGAL, THEFT, SAFETY_ACCIDENTS
}
