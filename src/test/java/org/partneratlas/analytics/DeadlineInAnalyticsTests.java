package org.partneratlas.analytics;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Deadline;
import org.partneratlas.graph.DeadlineExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every computation in the service stops once the request's deadline has passed, instead of running on after its
 * caller was told it failed. A deadline that has already passed makes this deterministic (no timing).
 */
class DeadlineInAnalyticsTests {

	private final ActorGraph graph = Graphs.random(7, 60, 0.1, 3).actors();

	private final Deadline passed = Deadline.in(Duration.ZERO);

	@Test
	void betweennessStopsAtThePassedDeadline() {
		assertThatThrownBy(() -> this.passed.run(() -> Centrality.betweenness(this.graph)))
			.isInstanceOf(DeadlineExceededException.class)
			.hasMessageContaining("took longer than");
	}

	@Test
	void groupBetweennessPageRankAndLouvainStopToo() {
		assertThatThrownBy(() -> this.passed.run(() -> Centrality.betweenness(this.graph, Set.of(0, 1), Set.of(2, 3))))
			.isInstanceOf(DeadlineExceededException.class);
		assertThatThrownBy(() -> this.passed.run(() -> Centrality.pageRank(this.graph, 0.85)))
			.isInstanceOf(DeadlineExceededException.class);
		assertThatThrownBy(() -> this.passed.run(() -> Louvain.communities(this.graph)))
			.isInstanceOf(DeadlineExceededException.class);
	}

	@Test
	void answersWithinTheDeadlineAndWithoutOne() {
		double[] free = Centrality.betweenness(this.graph);
		double[] bounded = Deadline.in(Duration.ofMinutes(1)).run(() -> Centrality.betweenness(this.graph));
		assertThat(bounded).containsExactly(free);
		assertThat(Deadline.current()).isNull();
	}

}
