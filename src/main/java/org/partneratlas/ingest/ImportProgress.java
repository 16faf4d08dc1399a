package org.partneratlas.ingest;

/**
 * How far an import has got, reported after every batch: what it is doing, how much of it is done, out of how much
 * ({@code total} is -1 while unknown: the first, checking pass does not know how many records the files hold).
 *
 * @param phase {@code checking}, {@code writing nodes}, {@code writing ties}, {@code reading} or {@code comparing}
 * @param done records checked, or nodes or ties compared and written, so far
 * @param total how many there are to do, or -1
 * @param unit what {@code done} counts ({@code records}, {@code nodes}, {@code ties})
 */
public record ImportProgress(String phase, long done, long total, String unit) {
}
