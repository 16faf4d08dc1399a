package org.partneratlas.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may ask now, before a GraphQL request is read:
 * <ul>
 * <li><b>Not before the data is there.</b> Until the service is ready (schema applied, curated graph loaded: Spring
 * Boot's readiness, which turns to accepting traffic only after the loader has run) a GraphQL request is refused with
 * 503, {@code Retry-After} and a GraphQL error saying the service is starting, never answered from a half-loaded graph.
 * </li>
 * <li><b>Each caller its share.</b> Requests per caller (its token's name, or its address when anonymous) are rate
 * limited with a Bucket4j token bucket ({@code atlas.limits.rate.*}); a caller over it gets 429 with
 * {@code Retry-After}. Expensive questions are bounded across callers as well ({@code ExpensiveWork}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FairShare {

	@Bean
	OncePerRequestFilter readinessGate(ApplicationAvailability availability, MeterRegistry meters) {
		Counter refused = rejected(meters, "not-ready");
		return new GraphQlFilter() {
			private volatile boolean wasReady;

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
					response.setHeader("Retry-After", "5");
					refused.increment();
					refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE", this.wasReady
							? "The service is not ready to answer (see /actuator/health/readiness): ask again shortly"
							: "The service is starting (schema and curated graph are being loaded): ask again in a few seconds");
					return;
				}
				this.wasReady = true;
				chain.doFilter(request, response);
			}
		};
	}

	@Bean
	OncePerRequestFilter rateLimit(RequestLimitsProperties limits, MeterRegistry meters) {
		Counter refused = rejected(meters, "rate-limited");
		RequestLimitsProperties.Rate rate = limits.rate();
		Map<String, Bucket> buckets = new ConcurrentHashMap<>();
		return new GraphQlFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (buckets.size() >= rate.callers()) {
					// more callers than remembered: start over rather than grow without bound
					buckets.clear();
				}
				Bucket bucket = buckets.computeIfAbsent(callerKey(request), (key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(rate.capacity())
						.refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
					.build());
				ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
				if (!probe.isConsumed()) {
					long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
					response.setHeader("Retry-After", String.valueOf(seconds));
					refused.increment();
					refuse(response, 429, "RATE_LIMITED", "Too many requests from this caller (at most "
							+ rate.perSecond() + " a second, " + rate.capacity() + " at once): ask again in " + seconds
							+ " s");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	/** The count of requests refused for {@code reason}, beside the other filters' ({@code atlas.requests.rejected}). */
	private static Counter rejected(MeterRegistry meters, String reason) {
		return Counter.builder("atlas.requests.rejected")
			.description("Requests refused before GraphQL, by reason")
			.tag("reason", reason)
			.register(meters);
	}

	/** The caller a bucket belongs to: the authenticated caller's name, or the address of an anonymous one. */
	static String callerKey(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "caller:" + authentication.getName();
		}
		return "address:" + request.getRemoteAddr();
	}

	private static void refuse(HttpServletResponse response, int status, String classification, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"" + classification
					+ "\"}}]}");
	}

	/**
	 * A filter for GraphQL requests only: health, GraphiQL and the schema stay reachable, and a CORS preflight
	 * ({@code OPTIONS}, answered by the security chain's CORS filter when its origin is allowed) is neither held nor
	 * counted against the caller's share: it asks nothing.
	 */
	abstract static class GraphQlFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"/graphql".equals(request.getRequestURI()) || "OPTIONS".equals(request.getMethod());
		}

	}

}
