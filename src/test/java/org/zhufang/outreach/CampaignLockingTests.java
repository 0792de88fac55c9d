package org.zhufang.outreach;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhufang.outreach.OutreachInputs.CampaignCloseInput;
import org.zhufang.outreach.OutreachInputs.CampaignUpdateInput;
import org.zhufang.outreach.OutreachInputs.TalkCorrectInput;
import org.zhufang.outreach.OutreachInputs.TalkWithdrawInput;
import org.zhufang.shared.Outcome;
import org.zhufang.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhufang.support.TestWorld.ok;

/**
 * A campaign's own changes and changes of its talks against the real database, one of them held
 * open in a transaction while the other runs: the campaign's row lock makes the second wait and
 * then see what the first committed.
 */
@IntegrationTest
class CampaignLockingTests extends OutreachFixtures {

	@Autowired
	PlatformTransactionManager transactionManager;

	ExecutorService pool;

	@BeforeEach
	void build() {
		buildCounty();
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void anUpdateDroppingAThemeWaitsForACorrectionAddingItAndIsRefused() throws Exception {
		TalkView talk = log(system, campaign, village, 2, 50, OutreachTheme.ANTI_FRAUD);
		Held<TalkView> correction = hold(() -> talks.correct(system, new TalkCorrectInput(talk.id(), null, "补记盗窃防范内容",
				null, null, null, null, null, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.THEFT), null, null, null,
				null, null, null, null)));
		Future<Outcome<CampaignView>> update = pool.submit(() -> campaigns.update(system, new CampaignUpdateInput(
				campaign.id(), null, null, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.ANTI_DRUG), null, null, null, null)));
		assertWaits(update);
		assertThat(correction.release().isOk()).isTrue();
		Outcome<CampaignView> outcome = update.get(30, TimeUnit.SECONDS);
		assertThat(outcome.userErrors()).extracting(e -> e.code()).containsExactly("THEME_IN_USE");
		assertThat(campaigns.campaign(system, campaign.id()).orElseThrow().themes()).contains(OutreachTheme.THEFT);
	}

	@Test
	void aTalkWaitsForAnUpdateDroppingItsThemeAndIsRefused() throws Exception {
		Held<CampaignView> update = hold(() -> campaigns.update(system, new CampaignUpdateInput(campaign.id(), null,
				null, List.of(OutreachTheme.ANTI_FRAUD, OutreachTheme.ANTI_DRUG), null, null, null, null)));
		long before = count("talk");
		Future<Outcome<TalkView>> logged = pool.submit(() -> talks.log(system,
				input(campaign, village, at(1), 30, null, OutreachTheme.THEFT)));
		assertWaits(logged);
		assertThat(update.release().isOk()).isTrue();
		assertThat(logged.get(30, TimeUnit.SECONDS).userErrors()).extracting(e -> e.code())
			.containsExactly("THEME_NOT_IN_CAMPAIGN");
		assertThat(count("talk")).isEqualTo(before);
	}

	@Test
	void closingWaitsForAWithdrawalInFlight() throws Exception {
		TalkView talk = log(system, campaign, village, 2, 50, OutreachTheme.ANTI_FRAUD);
		Held<TalkView> withdrawal = hold(() -> talks.withdraw(system, new TalkWithdrawInput(talk.id(), null, "重复录入")));
		Future<Outcome<CampaignView>> close = pool.submit(() -> campaigns.close(system, new CampaignCloseInput(campaign.id(), null)));
		assertWaits(close);
		assertThat(withdrawal.release().isOk()).isTrue();
		assertThat(close.get(30, TimeUnit.SECONDS).value().status()).isEqualTo(CampaignStatus.CLOSED);
		assertThat(talks.talk(system, talk.id()).orElseThrow().status()).isEqualTo(TalkStatus.WITHDRAWN);
	}

	@Test
	void aCorrectionWaitsForTheClosingInFlightAndFindsTheCampaignClosed() throws Exception {
		TalkView talk = log(system, campaign, village, 2, 50, OutreachTheme.ANTI_FRAUD);
		Held<CampaignView> close = hold(() -> campaigns.close(system, new CampaignCloseInput(campaign.id(), null)));
		long corrections = count("talk_correction");
		Future<Outcome<TalkView>> correction = pool.submit(() -> talks.correct(system, new TalkCorrectInput(talk.id(),
				null, "人数复核", null, null, null, null, null, null, 80, null, null, null, null, null, null)));
		assertWaits(correction);
		assertThat(close.release().isOk()).isTrue();
		assertThat(correction.get(30, TimeUnit.SECONDS).userErrors()).extracting(e -> e.code())
			.containsExactly("CAMPAIGN_CLOSED");
		assertThat(count("talk_correction")).isEqualTo(corrections);
	}

	/** Runs the work in a transaction of a thread of its own, and keeps it open until released. */
	<T> Held<T> hold(Supplier<Outcome<T>> work) throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<Outcome<T>> result = pool.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
			Outcome<T> outcome = work.get();
			done.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return outcome;
		}));
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		return new Held<>(result, release);
	}

	record Held<T>(Future<Outcome<T>> result, CountDownLatch latch) {

		Outcome<T> release() throws Exception {
			latch.countDown();
			return result.get(30, TimeUnit.SECONDS);
		}
	}

	static void assertWaits(Future<?> future) throws InterruptedException {
		Thread.sleep(700);
		assertThat(future.isDone()).as("waits for the transaction holding the campaign").isFalse();
	}
}
