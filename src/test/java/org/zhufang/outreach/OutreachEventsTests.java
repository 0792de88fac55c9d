package org.zhufang.outreach;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.zhufang.outreach.OutreachInputs.CampaignActivateInput;
import org.zhufang.outreach.OutreachInputs.CampaignCloseInput;
import org.zhufang.outreach.OutreachInputs.CampaignCreateInput;
import org.zhufang.outreach.OutreachInputs.TalkCorrectInput;
import org.zhufang.outreach.OutreachInputs.TalkWithdrawInput;
import org.zhufang.shared.Outcome;
import org.zhufang.shared.UserError;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * What the outreach module tells other modules: a campaign's activation and closing (with its
 * final figures), a talk logged (once, however often its key is re-sent), corrected (before and
 * after) and withdrawn; a refused command publishes nothing.
 * <p>
 * Scenarios record the events published on the test's thread, so the facades are called
 * directly rather than over HTTP.
 */
@IntegrationTest
@EnableScenarios
class OutreachEventsTests extends OutreachFixtures {

	CampaignView townCampaign;

	@BeforeEach
	void build() {
		buildCounty();
		townCampaign = activeCampaign("七里营镇反诈宣传", town, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT), 500);
	}

	@Test
	void announcesAnActivatedCampaignWithItsAreaThemesDatesAndTarget(Scenario scenario) {
		CampaignView planned = ok(campaigns.create(system, new CampaignCreateInput("防校园欺凌、为成长护航",
				List.of(OutreachTheme.ANTI_BULLYING, OutreachTheme.LEGAL), town.id(), today.minusDays(3), today.plusDays(90),
				800, null)));
		scenario.stimulate(() -> campaigns.activate(system, new CampaignActivateInput(planned.id(), null)))
			.andWaitForEventOfType(CampaignActivated.class)
			.matchingMappedValue(CampaignActivated::campaignId, planned.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.value().status()).isEqualTo(CampaignStatus.ACTIVE);
				assertThat(event.areaId()).isEqualTo(town.id());
				assertThat(event.themes()).containsExactlyInAnyOrder(OutreachTheme.ANTI_BULLYING, OutreachTheme.LEGAL);
				assertThat(event.startsOn()).isEqualTo(today.minusDays(3));
				assertThat(event.endsOn()).isEqualTo(today.plusDays(90));
				assertThat(event.reachTarget()).isEqualTo(800);
			});
	}

	@Test
	void announcesAClosedCampaignWithTheFiguresOfItsCountedTalks(Scenario scenario) {
		log(system, townCampaign, village, 10, 50, OutreachTheme.ANTI_FRAUD);
		log(system, townCampaign, grid, 5, 30, OutreachTheme.THEFT);
		TalkView mistaken = log(system, townCampaign, village, 3, 70, OutreachTheme.ANTI_FRAUD);
		ok(talks.withdraw(system, new TalkWithdrawInput(mistaken.id(), null, "重复录入")));

		scenario.stimulate(() -> campaigns.close(system, new CampaignCloseInput(townCampaign.id(), null)))
			.andWaitForEventOfType(CampaignClosed.class)
			.matchingMappedValue(CampaignClosed::campaignId, townCampaign.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.value().status()).isEqualTo(CampaignStatus.CLOSED);
				assertThat(event.areaId()).isEqualTo(town.id());
				assertThat(event.closedOn()).isEqualTo(today);
				assertThat(event.talks()).as("the withdrawn talk does not count").isEqualTo(2);
				assertThat(event.peopleReached()).isEqualTo(80);
			});
	}

	@Test
	void announcesALoggedTalkOnceThoughItsKeyIsSentTwice(Scenario scenario) {
		String key = "phone-events-" + county.code();
		scenario.stimulate(() -> {
			TalkView first = ok(talks.log(system, input(townCampaign, grid, at(2), 60, key, OutreachTheme.ANTI_FRAUD,
					OutreachTheme.THEFT)));
			TalkView again = ok(talks.log(system, input(townCampaign, grid, at(2), 60, key, OutreachTheme.ANTI_FRAUD,
					OutreachTheme.THEFT)));
			assertThat(again.id()).isEqualTo(first.id());
			return first;
		})
			.andWaitForStateChange(() -> count("talk WHERE campaign_id = " + townCampaign.id()), count -> count == 1)
			.andVerifyEvents(events -> {
				long talkId = world.jdbc().sql("SELECT id FROM talk WHERE campaign_id = ?").param(townCampaign.id())
					.query(Long.class).single();
				assertThat(events.ofType(TalkLogged.class).matching(e -> e.campaignId() == townCampaign.id()))
					.singleElement().satisfies(event -> {
						assertThat(event.talkId()).isEqualTo(talkId);
						assertThat(event.areaId()).isEqualTo(grid.id());
						assertThat(event.date()).isEqualTo(at(2).toLocalDate());
						assertThat(event.themes()).containsExactlyInAnyOrder(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT);
						assertThat(event.audience()).isEqualTo(60);
						assertThat(event.installs()).isEqualTo(3);
					});
			});
	}

	@Test
	void announcesACorrectionWithTheFactsBeforeAndAfter(Scenario scenario) {
		TalkView talk = log(system, townCampaign, village, 4, 60, OutreachTheme.ANTI_FRAUD);
		scenario.stimulate(() -> talks.correct(system, new TalkCorrectInput(talk.id(), null, "人数点错了", grid.id(), null,
				null, null, null, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT), 90, null, null, 5, null, null,
				null)))
			.andWaitForEventOfType(TalkCorrected.class)
			.matchingMappedValue(TalkCorrected::talkId, talk.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(event.campaignId()).isEqualTo(townCampaign.id());
				assertThat(event.version()).isEqualTo(outcome.value().version()).isGreaterThan(talk.version());
				assertThat(event.areaIdBefore()).isEqualTo(village.id());
				assertThat(event.areaId()).isEqualTo(grid.id());
				assertThat(event.dateBefore()).isEqualTo(talk.heldOn());
				assertThat(event.date()).isEqualTo(talk.heldOn());
				assertThat(event.themesBefore()).containsExactly(OutreachTheme.ANTI_FRAUD);
				assertThat(event.themes()).containsExactlyInAnyOrder(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT);
				assertThat(event.audienceBefore()).isEqualTo(60);
				assertThat(event.audience()).isEqualTo(90);
				assertThat(event.installsBefore()).isEqualTo(3);
				assertThat(event.installs()).isEqualTo(5);
			});
	}

	@Test
	void announcesAWithdrawnTalkWithTheFactsThatStopCounting(Scenario scenario) {
		TalkView talk = log(system, townCampaign, grid, 6, 45, OutreachTheme.THEFT);
		scenario.stimulate(() -> talks.withdraw(system, new TalkWithdrawInput(talk.id(), null, "误录")))
			.andWaitForEventOfType(TalkWithdrawn.class)
			.matchingMappedValue(TalkWithdrawn::talkId, talk.id())
			.toArriveAndVerify((event, outcome) -> {
				assertThat(outcome.value().status()).isEqualTo(TalkStatus.WITHDRAWN);
				assertThat(event.campaignId()).isEqualTo(townCampaign.id());
				assertThat(event.areaId()).isEqualTo(grid.id());
				assertThat(event.date()).isEqualTo(talk.heldOn());
				assertThat(event.themes()).containsExactly(OutreachTheme.THEFT);
				assertThat(event.audience()).isEqualTo(45);
				assertThat(event.installs()).isEqualTo(3);
			});
	}

	@Test
	void announcesNothingForRefusedCommands(Scenario scenario) {
		CampaignView planned = ok(campaigns.create(system, new CampaignCreateInput("五防宣传宣讲团巡回宣讲",
				List.of(OutreachTheme.THEFT), town.id(), today.minusDays(3), today.plusDays(30), null, null)));
		TalkView withdrawn = log(system, townCampaign, village, 8, 40, OutreachTheme.ANTI_FRAUD);
		ok(talks.withdraw(system, new TalkWithdrawInput(withdrawn.id(), null, "重复录入")));
		// The stimulus runs in one transaction, but talkLog runs in its own: it comes first, before
		// that transaction holds the campaigns' row locks that talkLog's own would wait for.
		scenario.stimulate(() -> {
			assertThat(codes(talks.log(system, input(planned, village, at(1), 30, null, OutreachTheme.THEFT))))
				.containsExactly("CAMPAIGN_NOT_ACTIVE");
			assertThat(codes(talks.log(system, input(townCampaign, village, at(1), 30, null, OutreachTheme.ANTI_DRUG))))
				.containsExactly("THEME_NOT_IN_CAMPAIGN");
			assertThat(codes(campaigns.close(system, new CampaignCloseInput(planned.id(), null))))
				.containsExactly("INVALID_TRANSITION");
			assertThat(codes(campaigns.activate(system, new CampaignActivateInput(townCampaign.id(), null))))
				.containsExactly("INVALID_TRANSITION");
			assertThat(codes(talks.correct(system, new TalkCorrectInput(withdrawn.id(), null, "再改", null, null, null, null,
					null, null, 50, null, null, null, null, null, null)))).containsExactly("ALREADY_WITHDRAWN");
			assertThat(codes(talks.withdraw(system, new TalkWithdrawInput(withdrawn.id(), null, "再撤"))))
				.containsExactly("ALREADY_WITHDRAWN");
			return planned;
		})
			.andWaitForStateChange(() -> count("talk WHERE campaign_id IN (" + planned.id() + ", " + townCampaign.id() + ")"),
					count -> count == 1)
			.andVerifyEvents(events -> {
				assertThat(events.ofType(CampaignActivated.class).matching(e -> e.campaignId() == planned.id())).isEmpty();
				assertThat(events.ofType(CampaignClosed.class).matching(e -> e.campaignId() == planned.id())).isEmpty();
				assertThat(events.ofType(TalkLogged.class).matching(e -> e.campaignId() == planned.id())).isEmpty();
				assertThat(events.ofType(TalkLogged.class).matching(e -> e.campaignId() == townCampaign.id()))
					.as("only the talk logged before").extracting(TalkLogged::talkId).containsExactly(withdrawn.id());
				assertThat(events.ofType(TalkCorrected.class).matching(e -> e.talkId() == withdrawn.id())).isEmpty();
				assertThat(events.ofType(TalkWithdrawn.class).matching(e -> e.talkId() == withdrawn.id()))
					.as("withdrawn once, before").hasSize(1);
			});
	}

	private static List<String> codes(Outcome<?> outcome) {
		return outcome.isOk() ? List.of() : outcome.userErrors().stream().map(UserError::code).toList();
	}
}
