package org.articlepipeline.index;

/**
 * The index function was invoked with something that is not a DynamoDB stream event. Thrown, never
 * swallowed, so that Lambda retries the invocation and then hands it to the failure queue.
 */
public final class UnrecognizedStreamEventException extends RuntimeException {

    public UnrecognizedStreamEventException(String message) {
        super(message);
    }
}
