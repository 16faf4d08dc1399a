package org.partneratlas.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupPhasesTests {

	@Test
	void reportsEachPhaseOnceInTheOrderTheyBeganWithItsTimesAndCpu() throws Exception {
		StartupPhases.Running outer = StartupPhases.begin("outer phase");
		Thread.sleep(5);
		try (var inner = StartupPhases.begin("inner phase")) {
			// 20 ms of this thread's CPU, however busy the machine
			var threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long spin = threads.getCurrentThreadCpuTime() + 20_000_000;
			while (threads.getCurrentThreadCpuTime() < spin) {
				Thread.onSpinWait();
			}
		}
		outer.close();
		outer.close(); // closing twice records once

		var recorded = StartupPhases.phases()
			.stream()
			.filter((p) -> p.name().endsWith(" phase"))
			.toList();
		assertThat(recorded).extracting(StartupPhases.Phase::name).containsExactlyInAnyOrder("outer phase", "inner phase");
		var inner = recorded.stream().filter((p) -> p.name().equals("inner phase")).findFirst().orElseThrow();
		assertThat(inner.toMillis() - inner.fromMillis()).isGreaterThanOrEqualTo(19);
		assertThat(inner.threadCpuMillis()).isGreaterThanOrEqualTo(19);
		assertThat(inner.processCpuMillis()).isGreaterThanOrEqualTo(inner.threadCpuMillis());
		String report = StartupPhases.report();
		assertThat(report.indexOf("outer phase")).isPositive().isLessThan(report.indexOf("inner phase"));
		assertThat(report).startsWith("Ready for questions ").contains("s of CPU");
	}

}
