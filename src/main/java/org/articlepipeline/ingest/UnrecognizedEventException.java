package org.articlepipeline.ingest;

/** An invocation whose payload is no event shape ingest knows; thrown so the event is kept, not dropped. */
public final class UnrecognizedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnrecognizedEventException(String message) {
        super(message, null, false, false);
    }
}
