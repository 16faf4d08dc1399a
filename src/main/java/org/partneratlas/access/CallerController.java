package org.partneratlas.access;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers {@code me}: the caller as this request's credentials make it, so that a client (the Explorer's header)
 * shows the clearance its answers are cut to. It reads the same {@link Caller} the {@link CallerInterceptor} turns
 * into the request's visibility, so the two cannot disagree.
 */
@Controller
class CallerController {

	@QueryMapping
	Caller me(@ContextValue(CallerInterceptor.CALLER) Caller caller) {
		return caller;
	}

	@SchemaMapping(typeName = "Caller", field = "anonymous")
	boolean anonymous(Caller caller) {
		return "anonymous".equals(caller.name());
	}

	@SchemaMapping(typeName = "Caller", field = "recipients")
	java.util.List<String> recipients(Caller caller) {
		return java.util.List.copyOf(caller.recipients());
	}

}
