package org.articlepipeline.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.articlepipeline.local.LocalPipeline;
import sun.misc.Signal;

/**
 * How {@code serve} ends on Ctrl-C or SIGTERM: it stops queueing uploads, finishes what is queued (ingest,
 * then the index step), records a clean stop and exits. A second signal exits at once, saying what was
 * left; the next start picks it up (its backfill, and the stream read from the checkpoint).
 *
 * <p>Signal handlers rather than a shutdown hook: once the JVM has begun shutting down it ignores further
 * Ctrl-C, so a hook could not honour the second one.
 */
final class GracefulStop {

    private static final long FINISH_MILLIS = 10 * 60_000;

    private final LocalPipeline pipeline;
    private final PrintStream err;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    GracefulStop(LocalPipeline pipeline, PrintStream err) {
        this.pipeline = pipeline;
        this.err = err;
    }

    /** Handles SIGINT and SIGTERM from now on; any other exit still closes the pipeline. */
    void install() {
        Signal.handle(new Signal("INT"), this::onSignal);
        Signal.handle(new Signal("TERM"), this::onSignal);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-stack-shutdown"));
    }

    private void onSignal(Signal signal) {
        if (!stopping.compareAndSet(false, true)) {
            err.println("exiting now: " + pipeline.queuedUploads() + " upload(s) not yet ingested, and the index step"
                    + " may not have caught up; the next start picks them up");
            Runtime.getRuntime().halt(130);
        }
        err.println("stopping (SIG" + signal.getName() + "): no new uploads are queued; finishing "
                + pipeline.queuedUploads() + " queued upload(s) and the index step (again to exit at once)");
        Thread finisher = new Thread(() -> {
            pipeline.stopAccepting();
            boolean finished;
            try {
                finished = pipeline.finishQueued(FINISH_MILLIS);
            } catch (InterruptedException e) {
                finished = false;
            }
            close();
            err.println(finished ? "stopped: everything queued was ingested and indexed"
                    : "stopped before the queue was finished; the next start picks up what is left");
            Runtime.getRuntime().halt(0);
        }, "local-stack-stop");
        finisher.start();
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                pipeline.close();
            } catch (Exception ignored) {
                // the process is ending either way
            }
        }
    }
}
