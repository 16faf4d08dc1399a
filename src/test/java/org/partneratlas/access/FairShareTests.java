package org.partneratlas.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-caller rate limit and the readiness gate, as filters in front of the GraphQL endpoint (the load test in
 * {@code bench/load} runs the rate limit against the whole service).
 */
class FairShareTests {

	private final RequestLimitsProperties limits = new RequestLimitsProperties(15, 20000, DataSize.ofKilobytes(64),
			Duration.ofSeconds(15), 5, new RequestLimitsProperties.Rate(1, 3, 100));

	private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

	private double rejected(String reason) {
		var counter = this.meters.find("atlas.requests.rejected").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aCallerOverItsShareGets429WithRetryAfterWhileOthersAreServed() throws Exception {
		OncePerRequestFilter filter = new FairShare().rateLimit(this.limits, this.meters);
		for (int i = 0; i < 3; i++) {
			assertThat(send(filter, "10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = send(filter, "10.0.0.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 2);
		assertThat(refused.getContentAsString()).contains("RATE_LIMITED").contains("Too many requests");
		assertThat(rejected("rate-limited")).as("counted by reason").isEqualTo(1);
		assertThat(send(filter, "10.0.0.2").getStatus()).isEqualTo(200);
	}

	@Test
	void leavesEverythingButTheGraphQlEndpointAlone() throws Exception {
		OncePerRequestFilter filter = new FairShare().rateLimit(this.limits, this.meters);
		for (int i = 0; i < 10; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
			request.setRemoteAddr("10.0.0.3");
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(request, response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

	@Test
	void aCorsPreflightIsNeitherCountedNorHeld() throws Exception {
		OncePerRequestFilter filter = new FairShare().rateLimit(this.limits, this.meters);
		StaticApplicationContext context = new StaticApplicationContext();
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		context.addApplicationListener(availability);
		context.refresh();
		OncePerRequestFilter gate = new FairShare().readinessGate(availability, this.meters);
		for (int i = 0; i < 10; i++) {
			for (OncePerRequestFilter each : java.util.List.of(filter, gate)) {
				MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/graphql");
				preflight.setRemoteAddr("10.0.0.5");
				preflight.addHeader("Origin", "http://localhost:5173");
				preflight.addHeader("Access-Control-Request-Method", "POST");
				MockHttpServletResponse response = new MockHttpServletResponse();
				each.doFilter(preflight, response, new MockFilterChain());
				assertThat(response.getStatus()).isEqualTo(200);
			}
		}
		assertThat(rejected("rate-limited") + rejected("not-ready")).isZero();
		// and the caller's whole share is still there for its questions
		for (int i = 0; i < 3; i++) {
			assertThat(send(filter, "10.0.0.5").getStatus()).isEqualTo(200);
		}
	}

	@Test
	void refusesGraphQlUntilReadyThenServes() throws Exception {
		StaticApplicationContext context = new StaticApplicationContext();
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		context.addApplicationListener(availability);
		context.refresh();
		OncePerRequestFilter gate = new FairShare().readinessGate(availability, this.meters);
		MockHttpServletResponse starting = send(gate, "10.0.0.4");
		assertThat(starting.getStatus()).isEqualTo(503);
		assertThat(starting.getHeader("Retry-After")).isNotBlank();
		assertThat(starting.getContentAsString()).contains("\"errors\"").contains("starting").contains("UNAVAILABLE");
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(send(gate, "10.0.0.4").getStatus()).isEqualTo(200);
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		MockHttpServletResponse notReady = send(gate, "10.0.0.4");
		assertThat(notReady.getStatus()).isEqualTo(503);
		assertThat(notReady.getContentAsString()).contains("not ready");
		assertThat(rejected("not-ready")).as("both refusals counted by reason").isEqualTo(2);
	}

	private static MockHttpServletResponse send(OncePerRequestFilter filter, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
