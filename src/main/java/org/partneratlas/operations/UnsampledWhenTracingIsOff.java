package org.partneratlas.operations;

import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With tracing off ({@code management.tracing.export.enabled=false}, the default unless {@code ATLAS_TRACING=true})
 * no span is recorded. Spring Boot's switch turns off only the export: the tracer stays, and at the configured
 * sampling probability (1.0) every HTTP request, GraphQL request and data fetcher made a recording span that a batch
 * processor then dropped; in a JFR profile of node lookups that was about 5 % of the service's CPU
 * (bench/results/2026-11-30-thin.md). Spans are still made (not sampled), so trace ids still travel in headers and
 * logs; with tracing on this bean is not there and the configured sampling applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.export.enabled", havingValue = "false")
class UnsampledWhenTracingIsOff {

	@Bean
	Sampler unsampled() {
		return Sampler.alwaysOff();
	}

}
