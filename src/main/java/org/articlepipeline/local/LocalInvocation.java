package org.articlepipeline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * One invocation of a handler the way Lambda's Java runtime makes it: the event's bytes in, the answer's
 * bytes out, with a {@link LocalContext}. The local stack's event sources, the CLI's tests and the
 * benchmarks all call handlers through it.
 */
public final class LocalInvocation {

    /** The time budget a local invocation gets, as the template's function timeout would bound it. */
    static final long TIMEOUT_MILLIS = 300_000;

    private LocalInvocation() {
    }

    /**
     * Invokes {@code handler} once as function {@code functionName}; its log lines go to {@code log}.
     *
     * @return the bytes the handler wrote
     * @throws RuntimeException whatever the handler threw ({@link UncheckedIOException} for an I/O error)
     */
    public static byte[] invoke(RequestStreamHandler handler, String functionName, byte[] event, Consumer<String> log) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), answer, new LocalContext(functionName, TIMEOUT_MILLIS, log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer.toByteArray();
    }
}
