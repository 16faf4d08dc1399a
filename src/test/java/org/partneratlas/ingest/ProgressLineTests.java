package org.partneratlas.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command's progress: a bar redrawn on a terminal, plain periodic lines elsewhere. */
class ProgressLineTests {

	@Test
	void aTerminalGetsABarWithDoneTotalRateAndTimeLeft() {
		long[] now = { 0 };
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 5_000,
				() -> now[0]);
		now[0] = 1_000;
		line.accept(new ImportProgress("checking", 10_000, -1, "records"));
		now[0] = 3_000;
		line.accept(new ImportProgress("writing ties", 50_000, 200_000, "ties"));
		line.finish();
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(out).contains("\rchecking      10,000 records  10,000/s");
		// The phase began when "checking" last reported (1 s): 50,000 in 2 s, 150,000 left at 25,000/s.
		assertThat(out).contains("writing ties  [########----------------------]  25% 50,000/200,000 ties  25,000/s  ETA 0:06");
		assertThat(out).endsWith("\n");
	}

	@Test
	void aLogGetsAPlainLineAtMostEveryPeriodAndAtEachPhase() {
		long[] now = { 0 };
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 5_000,
				() -> now[0]);
		for (int i = 1; i <= 10; i++) {
			now[0] = i * 1_000L;
			line.accept(new ImportProgress("writing nodes", i * 100L, 1_000, "nodes"));
		}
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(out).doesNotContain("\r");
		assertThat(out.lines()).hasSize(2);
		assertThat(out.lines().toList().getLast()).contains("600/1,000 nodes");
	}

}
