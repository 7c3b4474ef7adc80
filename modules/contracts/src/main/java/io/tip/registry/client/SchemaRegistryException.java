package io.tip.registry.client;

/** A registry call failed; subclasses name the common causes. */
public class SchemaRegistryException extends RuntimeException {
    private final int errorCode;

    public SchemaRegistryException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = -1;
    }

    /** Confluent's error code from the response body (e.g. 40403), or -1 when there was no response. */
    public int errorCode() {
        return errorCode;
    }
}
