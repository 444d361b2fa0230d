package org.articlepipeline.backfill;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells a person how a long run goes: items done of the total, the rate so far and the time left at that
 * rate, at most once every {@code intervalNanos} and once at the end.
 */
public final class Progress {

    private final String what;
    private final int total;
    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long started;
    private int done;
    private long lastShown;

    /**
     * @param what      what is counted, e.g. {@code "backfill"}
     * @param nanoClock a monotonic clock ({@code System::nanoTime})
     */
    public Progress(String what, int total, Consumer<String> out, LongSupplier nanoClock, long intervalNanos) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.started = nanoClock.getAsLong();
        this.lastShown = started;
    }

    /** One more item done. */
    public synchronized void done() {
        done++;
        long now = nanoClock.getAsLong();
        if (done == total || now - lastShown >= intervalNanos) {
            lastShown = now;
            out.accept(line(now));
        }
    }

    /** Items per second so far. */
    public synchronized double rate() {
        double seconds = (nanoClock.getAsLong() - started) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** Seconds since the start. */
    public double elapsedSeconds() {
        return (nanoClock.getAsLong() - started) / 1e9;
    }

    String line(long now) {
        double seconds = (now - started) / 1e9;
        double rate = seconds <= 0 ? 0 : done / seconds;
        String eta = done == total ? "done" : rate <= 0 ? "ETA unknown"
                : String.format("ETA %s", duration((total - done) / rate));
        return String.format("%s: %d/%d (%d%%), %.1f/s, %s", what, done, total,
                total == 0 ? 100 : done * 100 / total, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
