package org.partneratlas.graph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded Neo4j as early as a start can: as soon as the environment is prepared, before the Spring context
 * is even created (the service's {@code main} adds this listener; tests and other entry points do not, and start it
 * when the bean factory is post-processed instead, see {@link EmbeddedNeo4jConfiguration}). Reading the bean
 * definitions and evaluating the auto-configurations' conditions alone took 38 % of the context's wall time on a busy
 * machine (issue 13 §4); Neo4j's own start now overlaps it too.
 * <p>
 * The context adopts the start only if the {@code atlas.*} settings it binds are the very ones this start used;
 * otherwise (or if the context fails first) the early DBMS is shut down and never used.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationListener<ApplicationEvent> {

	/** A start not yet adopted by a context. */
	record Pending(AtlasProperties properties, CompletableFuture<EmbeddedNeo4jConfiguration.Started> started) {
	}

	private static final AtomicReference<@Nullable Pending> pending = new AtomicReference<>();

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			var environment = prepared.getEnvironment();
			if (!environment.getProperty("spring.neo4j.uri", "").isBlank()) {
				return; // an external Neo4j
			}
			AtlasProperties properties = Binder.get(environment).bindOrCreate("atlas", AtlasProperties.class);
			discard(pending.getAndSet(new Pending(properties, EmbeddedNeo4jConfiguration.startOnItsOwnThread(properties))));
		}
		else if (event instanceof ApplicationFailedEvent || event instanceof ApplicationStartedEvent) {
			// a context that failed, or started without adopting it (its settings said otherwise): never used
			discard(pending.getAndSet(null));
		}
	}

	/** The early start, if there is one for exactly these settings; any other is shut down. Adopted once. */
	static @Nullable CompletableFuture<EmbeddedNeo4jConfiguration.Started> adopt(AtlasProperties properties) {
		Pending early = pending.getAndSet(null);
		if (early != null && early.properties().equals(properties)) {
			return early.started();
		}
		discard(early);
		return null;
	}

	/** The start not yet adopted, if any (tests). */
	static @Nullable CompletableFuture<EmbeddedNeo4jConfiguration.Started> pendingStart() {
		Pending early = pending.get();
		return (early != null) ? early.started() : null;
	}

	/** Shuts an unused early start down once it has finished starting (on its own thread: nobody waits for it). */
	private static void discard(@Nullable Pending early) {
		if (early != null) {
			early.started().thenAccept(EmbeddedNeo4jConfiguration.Started::close);
		}
	}

}
