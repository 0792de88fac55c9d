package org.zhufang.outreach;

/** What a campaign's counted talks reached, and how far that is towards its target. */
public record CampaignReachView(long campaignId, int talks, int peopleReached, int materials, int appInstalls,
		Integer target) {

	/** People reached / target (may exceed 1); null without a target. */
	public Double progress() {
		return target == null || target == 0 ? null : (double) peopleReached / target;
	}
}
