package org.partneratlas.graph;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bound on expensive questions: no free slot means OVERLOADED with nothing computed, and the deadline goes along. */
class ExpensiveWorkTests {

	@Test
	void refusesWhenEverySlotIsTakenAndRunsAgainOnceOneIsFree() throws Exception {
		ExpensiveWork work = new ExpensiveWork(1, Duration.ofMillis(50));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> work.run(() -> {
			started.countDown();
			await(release);
			return "first";
		}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		boolean[] ran = { false };
		assertThatThrownBy(() -> work.run(() -> ran[0] = true)).isInstanceOf(OverloadedException.class)
			.hasMessageContaining("busy")
			.satisfies((ex) -> assertThat(((OverloadedException) ex).retryAfter()).isPositive());
		assertThat(ran[0]).isFalse();
		release.countDown();
		assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(work.run(() -> "second")).isEqualTo("second");
	}

	@Test
	void theWorkRunsOnAPlatformThreadUnderTheCallersDeadline() {
		ExpensiveWork work = new ExpensiveWork(2, Duration.ofSeconds(1));
		Deadline deadline = Deadline.in(Duration.ofMinutes(1));
		Object[] seen = deadline.run(() -> work.run(() -> new Object[] { Deadline.current(), Thread.currentThread().isVirtual() }));
		assertThat(seen[0]).isSameAs(deadline);
		assertThat(seen[1]).isEqualTo(false);
		assertThatThrownBy(() -> Deadline.in(Duration.ZERO).run(() -> work.run(() -> {
			Deadline.checkCurrent();
			return "never";
		}))).isInstanceOf(DeadlineExceededException.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
