package org.partneratlas.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;


/**
 * Marks a benchmark-only controller: the same driver call as a GraphQL resolver, written as the JSON the bench's
 * GraphQL selection gets, without GraphQL ({@code bench/run.sh} measures it beside GraphQL and the raw driver to say
 * which part of the gap is HTTP). Such a controller exists only with {@code atlas.bench.bare-endpoints=true} (off by
 * default) and never with the {@code prod} profile; it answers anonymous visibility only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile("!prod")
@ConditionalOnProperty(name = "atlas.bench.bare-endpoints", havingValue = "true")
public @interface BareEndpoint {

	/** The JSON shaping every bare endpoint shares. */
	final class Json {

		private Json() {
		}

		/** The fields as the GraphQL wiring reads them ({@code GraphItem#field}), enums by name. */
		public static Map<String, Object> fields(GraphItem item, String... names) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (String name : names) {
				Object value = item.field(name);
				m.put(name, (value instanceof Enum<?> e) ? e.name() : value);
			}
			return m;
		}

		/** {@code {"data": {field: value}}}, as a GraphQL answer with one root field. */
		public static Map<String, Object> data(String field, Object value) {
			Map<String, Object> inner = new LinkedHashMap<>();
			inner.put(field, value);
			return Map.of("data", inner);
		}

	}

}
