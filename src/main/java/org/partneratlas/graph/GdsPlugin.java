package org.partneratlas.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph Data Science in an embedded DBMS, when its jars are on the classpath (the {@code gds} Maven profile, or test
 * scope). An embedded DBMS does not load procedures from the classpath by itself: they are registered after start
 * through {@link GlobalProcedures}, from the classes GDS lists in its jars'
 * {@code META-INF/services/org.neo4j.procedure.Procedure} and {@code ...UserFunction} files, plus the Cypher
 * aggregation {@code gds.graph.project} (listed nowhere). The kernel extension ({@code opengds-extension}) loads
 * itself through the service loader. Without the jars nothing happens and nothing is slower: the package stays
 * without GDS by default (it adds about 150 jars).
 * <p>
 * Two calls in the embedded DBMS's start ({@link #allowedIn} before it, {@link #registerIn} after it); the tests'
 * GDS harness registers through the same {@link #register}, so what is tested is what the service does.
 */
public final class GdsPlugin {

	private static final Logger log = LoggerFactory.getLogger(GdsPlugin.class);

	/** The Cypher aggregation behind {@code gds.graph.project(...)} in a Cypher projection. */
	static final String AGGREGATION = "org.neo4j.gds.projection.CypherAggregation";

	/** The procedure patterns GDS needs unrestricted (it reads the kernel's internals). */
	public static final List<String> UNRESTRICTED = List.of("gds.*");

	private GdsPlugin() {
	}

	/** Whether the GDS jars are on the classpath. */
	public static boolean onClasspath() {
		try {
			Class.forName(AGGREGATION, false, GdsPlugin.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/** The GDS procedure classes on the classpath (none without GDS). */
	public static List<Class<?>> procedures() {
		return listed("META-INF/services/org.neo4j.procedure.Procedure");
	}

	/** The GDS function classes on the classpath (none without GDS). */
	public static List<Class<?>> functions() {
		return listed("META-INF/services/org.neo4j.procedure.UserFunction");
	}

	/** The GDS aggregation function classes on the classpath (none without GDS). */
	public static List<Class<?>> aggregationFunctions() {
		return onClasspath() ? List.of(load(AGGREGATION)) : List.of();
	}

	/**
	 * A DBMS to be started with GDS's procedures unrestricted (they read the kernel's internals) when GDS is on the
	 * classpath; unchanged otherwise.
	 */
	public static DatabaseManagementServiceBuilder allowedIn(DatabaseManagementServiceBuilder builder) {
		return onClasspath() ? builder.setConfig(GraphDatabaseSettings.procedure_unrestricted, UNRESTRICTED) : builder;
	}

	/**
	 * Registers GDS in the default database of a started DBMS (made by {@link #allowedIn}) when GDS is on the
	 * classpath, and says so in the log; does nothing otherwise.
	 */
	public static void registerIn(DatabaseManagementService dbms) {
		if (!onClasspath()) {
			return;
		}
		long started = System.nanoTime();
		int registered = register((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
		log.info("Graph Data Science on the classpath: {} procedures and functions registered in {} ms", registered,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Registers GDS's procedures and functions in a started database.
	 * @return how many were registered (0 without GDS)
	 */
	public static int register(GraphDatabaseAPI db) {
		if (!onClasspath()) {
			return 0;
		}
		GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
		int count = 0;
		try {
			for (Class<?> type : procedures()) {
				procedures.registerProcedure(type);
				count++;
			}
			for (Class<?> type : functions()) {
				procedures.registerFunction(type);
				count++;
			}
			for (Class<?> type : aggregationFunctions()) {
				procedures.registerAggregationFunction(type);
				count++;
			}
		}
		catch (ProcedureException ex) {
			throw new IllegalStateException("Could not register Graph Data Science: " + ex.getMessage(), ex);
		}
		return count;
	}

	private static List<Class<?>> listed(String resource) {
		if (!onClasspath()) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		try {
			Enumeration<URL> files = GdsPlugin.class.getClassLoader().getResources(resource);
			while (files.hasMoreElements()) {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
					in.lines()
						.map(String::strip)
						.filter((line) -> line.startsWith("org.neo4j.gds."))
						.forEach(names::add);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Class<?>> classes = new ArrayList<>();
		names.forEach((name) -> classes.add(load(name)));
		return classes;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, true, GdsPlugin.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Graph Data Science lists " + name + " but it is not on the classpath", ex);
		}
	}

}
