package org.partneratlas.graph;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Which state of the data an answer was computed from, so that a cached answer is served only while nothing has
 * been committed since. Two counters, because neither alone sees every write:
 * <ul>
 * <li>the database's last committed transaction, as the bookmark of a trivial read transaction names it (Community
 * leaves {@code SHOW DATABASES}' {@code lastCommittedTxn} empty): it moves with every committed write whoever made
 * it (an edit, an import, a restore, the seed load, a script on Bolt, another service on the same Neo4j), and not
 * with reads; it costs one {@code RETURN 1} round trip;</li>
 * <li>this service's own count of its committed writes ({@link #changed()}, called by every write path after its
 * commit: the seed and bench loader {@code GraphWriter}, edits, imports, restores), for a Neo4j that refuses the
 * statement above (a user without access to {@code system}); then writes by others are seen only through the cache's
 * maximum age.</li>
 * </ul>
 * A version is read <em>before</em> the data it tags, so a write that commits meanwhile makes the answer stale at once
 * rather than late.
 */
@Component
public class DataVersion {

	private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

	private final AtomicLong local = new AtomicLong();

	private final Driver driver;

	private final SessionConfig read;

	private volatile boolean databaseCounts = true;

	public DataVersion(Driver driver, AtlasProperties properties) {
		this.driver = driver;
		this.read = SessionConfig.builder()
			.withDatabase(properties.database())
			.withDefaultAccessMode(AccessMode.READ)
			.build();
	}

	/** Called by a write path after its transaction committed. */
	public void changed() {
		this.local.incrementAndGet();
	}

	/** The version of the data now. */
	public Version current() {
		long local = this.local.get();
		return new Version(local, committedTransaction());
	}

	private @Nullable String committedTransaction() {
		if (!this.databaseCounts) {
			return null;
		}
		// A read transaction's bookmark names the last transaction committed when it ran: opaque, but equal exactly
		// while nothing was committed in between, which is all a cache needs to know.
		try (var session = this.driver.session(this.read)) {
			session.run("RETURN 1").consume();
			var bookmarks = session.lastBookmarks();
			if (bookmarks.isEmpty()) {
				return unsupported("a read returned no bookmark");
			}
			return bookmarks.stream().map(org.neo4j.driver.Bookmark::value).sorted().toList().toString();
		}
	}

	private @Nullable String unsupported(String why) {
		this.databaseCounts = false;
		log.warn("Neo4j does not tell its last committed transaction ({}): cached analytics are invalidated by this "
				+ "service's own writes and by their maximum age only", why);
		return null;
	}

	/**
	 * A state of the data.
	 *
	 * @param local this service's count of its committed writes
	 * @param transaction the database's last committed transaction (its bookmark), null where Neo4j does not tell it
	 */
	public record Version(long local, @Nullable String transaction) {
	}

}
