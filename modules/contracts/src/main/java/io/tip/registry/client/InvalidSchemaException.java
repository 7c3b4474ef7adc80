package io.tip.registry.client;

/** The registry could not parse the schema (HTTP 422). */
public class InvalidSchemaException extends SchemaRegistryException {
    public InvalidSchemaException(String message, int errorCode) {
        super(message, errorCode);
    }
}
