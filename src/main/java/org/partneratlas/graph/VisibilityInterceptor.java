package org.partneratlas.graph;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the caller's {@link Visibility} into the GraphQL context, where every controller reads it
 * ({@code @ContextValue Visibility visibility}) and passes it into every read statement. Until callers can
 * authenticate, every caller is anonymous and sees CLEAR data only; authentication replaces this one decision.
 */
@Component
class VisibilityInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext((context) -> context.put(Visibility.CONTEXT_KEY, Visibility.ANONYMOUS))
			.build());
		return chain.next(request);
	}

}
