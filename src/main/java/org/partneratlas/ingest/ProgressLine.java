package org.partneratlas.ingest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The import command's progress: on a terminal one line redrawn in place (a bar when the total is known, done/total,
 * rate and time left); elsewhere (a log, a pipe) a plain line at most every {@code every} milliseconds, and always when
 * a phase starts, so that logs stay readable.
 */
final class ProgressLine implements Consumer<ImportProgress> {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private final long every;

	private final LongSupplier clock;

	private String phase = "";

	private long phaseStarted;

	private long lastPrinted;

	private boolean dirty;

	private final long started;

	private long lastEvent;

	ProgressLine(PrintStream out, boolean terminal, long everyMillis, LongSupplier clockMillis) {
		this.out = out;
		this.terminal = terminal;
		this.every = everyMillis;
		this.clock = clockMillis;
		this.started = clockMillis.getAsLong();
	}

	@Override
	public void accept(ImportProgress progress) {
		long now = this.clock.getAsLong();
		try {
			show(progress, now);
		}
		finally {
			this.lastEvent = now;
		}
	}

	private void show(ImportProgress progress, long now) {
		boolean newPhase = !progress.phase().equals(this.phase);
		if (newPhase) {
			if (this.terminal && this.dirty) {
				this.out.println();
			}
			this.phase = progress.phase();
			// Reported after its first batch: the phase began when the previous one last reported (or at the start).
			this.phaseStarted = (this.lastEvent > 0) ? this.lastEvent : this.started;
		}
		if (!this.terminal && !newPhase && now - this.lastPrinted < this.every) {
			return;
		}
		this.lastPrinted = now;
		String line = render(progress, now - this.phaseStarted);
		if (this.terminal) {
			this.out.print("\r" + line + "\u001b[K");
			this.dirty = true;
		}
		else {
			this.out.println(line);
		}
		this.out.flush();
	}

	/** Ends the line a terminal was redrawing. */
	void finish() {
		if (this.terminal && this.dirty) {
			this.out.println();
			this.dirty = false;
		}
	}

	static String render(ImportProgress p, long millis) {
		double rate = (millis > 0) ? p.done() * 1000.0 / millis : 0;
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-13s ", p.phase()));
		if (p.total() > 0) {
			double share = Math.min(1.0, (double) p.done() / p.total());
			int filled = (int) Math.round(share * WIDTH);
			line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
			line.append(String.format(Locale.ROOT, "%3.0f%% %,d/%,d %s", share * 100, p.done(), p.total(), p.unit()));
		}
		else {
			line.append(String.format(Locale.ROOT, "%,d %s", p.done(), p.unit()));
		}
		line.append(String.format(Locale.ROOT, "  %,.0f/s", rate));
		if (p.total() > 0 && rate > 0 && p.done() < p.total()) {
			long left = (long) ((p.total() - p.done()) / rate);
			line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
		}
		else if (p.total() > 0 && p.done() >= p.total()) {
			line.append(String.format(Locale.ROOT, "  in %.1f s", millis / 1000.0));
		}
		return line.toString();
	}

}
