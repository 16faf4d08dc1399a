package org.partneratlas.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing off (the default) no span is recorded, while the request metrics are still counted.
 */
class TracingOffIT extends AtlasIT {

	@Autowired
	Tracer tracer;

	@Autowired
	MeterRegistry meters;

	@Test
	void spansAreNotRecordedButRequestsAreStillMeasured() {
		Span span = this.tracer.nextSpan().start();
		try {
			assertThat(span.context().sampled()).as("a span made while tracing is off is sampled").isNotEqualTo(true);
		}
		finally {
			span.end();
		}
		long before = count();
		assertThat(this.graphQl.post("{ node(id: \"country:IN\") { id } }").read("$.data.node.id", String.class))
			.isEqualTo("country:IN");
		assertThat(count()).isEqualTo(before + 1);
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.find("graphql.request").timers()).isNotEmpty();
	}

	private long count() {
		return this.meters.find("atlas.graphql.requests")
			.tag("fields", "node")
			.timers()
			.stream()
			.mapToLong((t) -> t.count())
			.sum();
	}

}
