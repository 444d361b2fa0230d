package org.articlepipeline.lookup;

/**
 * A request that cannot be answered as asked: becomes {@code {"error": {"code", "message"}}} with
 * {@link #status()}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, "invalid-parameter", "parameter '" + parameter + "': " + message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not-found", message);
    }
}
