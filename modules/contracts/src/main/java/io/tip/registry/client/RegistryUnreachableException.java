package io.tip.registry.client;

/** No registry URL accepted a connection. */
public class RegistryUnreachableException extends RegistryUnavailableException {
    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
