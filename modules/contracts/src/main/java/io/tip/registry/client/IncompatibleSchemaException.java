package io.tip.registry.client;

/** The registry refused a schema that breaks the subject's compatibility level (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {
    public IncompatibleSchemaException(String message, int errorCode) {
        super(message, errorCode);
    }
}
