package io.tip.registry.client;

/** The registry has no such subject, version or schema id (HTTP 404). */
public class SchemaNotFoundException extends SchemaRegistryException {
    public SchemaNotFoundException(String message, int errorCode) {
        super(message, errorCode);
    }
}
