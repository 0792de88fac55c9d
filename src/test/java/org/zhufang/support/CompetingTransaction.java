package org.zhufang.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests of row locks: a competing command emulated in SQL holds its transaction open while
 * the real command starts on another thread; the real command must wait for it and then decide on
 * what it committed.
 */
public final class CompetingTransaction {

	private CompetingTransaction() {
	}

	/**
	 * Runs {@code competing} in a transaction that stays open while {@code command} starts on
	 * another thread; checks the command is still waiting 700 ms later (a slow machine can only
	 * make that pass), then commits the competing transaction and answers the command's result.
	 */
	public static <T> T whileHeld(PlatformTransactionManager transactions, JdbcClient jdbc,
			Consumer<JdbcClient> competing, Callable<T> command) throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> holder = pool.submit(() -> transaction.executeWithoutResult(status -> {
				competing.accept(jdbc);
				held.countDown();
				awaitQuietly(release);
			}));
			assertThat(held.await(20, TimeUnit.SECONDS)).as("the competing transaction holds its locks").isTrue();
			Future<T> result = pool.submit(command);
			Thread.sleep(700);
			boolean waited = !result.isDone();
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
			T answer = result.get(30, TimeUnit.SECONDS);
			assertThat(waited).as("the command waited for the competing transaction to commit").isTrue();
			return answer;
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
