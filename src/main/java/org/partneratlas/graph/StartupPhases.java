package org.partneratlas.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where a start spends its time: each phase (the JVM and launcher before {@code main}, the Spring context, the embedded
 * Neo4j, the schema, the seed...) with its wall time since the process was launched, the CPU time of the thread that ran
 * it, and the whole process's CPU time when it ended. Logged in one message when the service turns ready, so a start
 * that misses its target (issue 13: a complete answer within 10 s of launch) shows why, on any machine, without a
 * profiler. CPU seconds are reported beside wall seconds because on a shared machine wall time mostly measures the
 * neighbours: the process's CPU to ready is the load-robust figure. A service started by {@code java -jar} through the
 * start-up cache counts from its launcher's start, and the launcher's CPU with its own.
 * <p>
 * Phases may overlap (the embedded Neo4j starts on its own thread while the context is built); the log lists them in
 * the order they began.
 */
@org.springframework.stereotype.Component
public final class StartupPhases implements ApplicationListener<ApplicationEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupPhases.class);

	private static final List<Phase> phases = new CopyOnWriteArrayList<>();

	private static volatile @org.jspecify.annotations.Nullable Running context;

	/** Marks {@code main} reached: the launcher's share ends and the Spring context's begins. */
	public static void mainStarted() {
		Instant launched = launched().info().startInstant().orElse(Instant.now());
		long now = System.currentTimeMillis();
		long cpu = processCpuMillis();
		phases.add(new Phase("JVM and launcher, to main", 0, now - launched.toEpochMilli(), cpu, cpu));
		context = begin("Spring context (beans, web server)");
	}

	/** Begins a phase on the calling thread; close the returned handle when it ends. */
	public static Running begin(String name) {
		return new Running(name);
	}

	/** The phases recorded so far, in the order they began. */
	public static List<Phase> phases() {
		return List.copyOf(phases);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationStartedEvent) {
			Running running = context;
			if (running != null) {
				running.close();
				context = null;
			}
		}
		else if (event instanceof ApplicationReadyEvent) {
			log.info(report());
			// a second context in the same JVM (tests) reports its own phases only
			phases.clear();
		}
	}

	static String report() {
		long sinceLaunch = millisSinceLaunch();
		long cpu = processCpuMillis();
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"Ready for questions %.1f s after launch, %.1f s of CPU (s since launch, wall, CPU of the phase's thread,"
						+ " process CPU at its end):",
				sinceLaunch / 1000.0, cpu / 1000.0));
		List<Phase> began = phases.stream().sorted(java.util.Comparator.comparingLong(Phase::fromMillis)).toList();
		for (Phase phase : began) {
			text.append(String.format(Locale.ROOT, "%n  %-44s %6.1f-%6.1f %6.1f s  thread %5.1f s  process %5.1f s",
					phase.name(), phase.fromMillis() / 1000.0, phase.toMillis() / 1000.0,
					(phase.toMillis() - phase.fromMillis()) / 1000.0, phase.threadCpuMillis() / 1000.0,
					phase.processCpuMillis() / 1000.0));
		}
		return text.toString();
	}

	/**
	 * The process the user launched: this one, or the launcher that started this service through the start-up cache
	 * ({@code operations.AotLaunch} names it in {@code atlas.launch.parent}), whose start and CPU count too.
	 */
	private static ProcessHandle launched() {
		String launcher = System.getProperty("atlas.launch.parent");
		if (launcher == null) {
			return ProcessHandle.current();
		}
		return ProcessHandle.of(Long.parseLong(launcher)).orElse(ProcessHandle.current());
	}

	static long millisSinceLaunch() {
		return launched()
			.info()
			.startInstant()
			.map((launched) -> Duration.between(launched, Instant.now()).toMillis())
			.orElse(ManagementFactory.getRuntimeMXBean().getUptime());
	}

	static long processCpuMillis() {
		long own = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
		ProcessHandle launched = launched();
		if (own < 0 || launched.pid() == ProcessHandle.current().pid()) {
			return own;
		}
		return own + launched.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
	}

	private static long threadCpuMillis() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1;
	}

	/**
	 * One phase of a start.
	 *
	 * @param name what ran
	 * @param fromMillis when it began, in ms since the process was launched
	 * @param toMillis when it ended, in ms since the process was launched
	 * @param threadCpuMillis the CPU time of the thread that ran it, during the phase
	 * @param processCpuMillis the CPU time of the whole process when it ended
	 */
	public record Phase(String name, long fromMillis, long toMillis, long threadCpuMillis, long processCpuMillis) {
	}

	/** A phase under way, recorded when closed (once). */
	public static final class Running implements AutoCloseable {

		private final String name;

		private final long from = millisSinceLaunch();

		private final long threadCpu = threadCpuMillis();

		private final Thread thread = Thread.currentThread();

		private boolean closed;

		private Running(String name) {
			this.name = name;
		}

		@Override
		public synchronized void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			// closed from another thread than the one it began on: that thread's CPU says nothing of the phase
			long cpu = (Thread.currentThread() == this.thread) ? threadCpuMillis() - this.threadCpu : -1;
			phases.add(new Phase(this.name, this.from, millisSinceLaunch(), cpu, processCpuMillis()));
		}

	}

}
