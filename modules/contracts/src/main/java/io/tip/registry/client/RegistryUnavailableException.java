package io.tip.registry.client;

/**
 * The registry could not answer — no URL accepted a connection, or every one answered with an error
 * about itself (5xx, 401/403, 429, a timeout). It says nothing about the record or schema asked
 * about: retry later, never treat the record as bad.
 */
public class RegistryUnavailableException extends SchemaRegistryException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnavailableException(String message, int errorCode) {
        super(message, errorCode);
    }
}
