package io.tip.devstack.registry;

/** A failure answered with Confluent's HTTP status and {"error_code", "message"} body. */
final class RegistryError extends RuntimeException {
    private final int httpStatus;
    private final int errorCode;

    private RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(int version) {
        return new RegistryError(404, 40402, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound() {
        return new RegistryError(404, 40403, "Schema not found");
    }

    static RegistryError schemaIdNotFound(int id) {
        return new RegistryError(404, 40403, "Schema " + id + " not found");
    }

    static RegistryError subjectLevelNotConfigured(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String message) {
        return new RegistryError(409, 409, message);
    }

    static RegistryError invalidSchema(String message) {
        return new RegistryError(422, 42201, message);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are none, backward, "
            + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryError badRequest(String message) {
        return new RegistryError(400, 400, message);
    }

    static RegistryError storeFailure(String message) {
        return new RegistryError(500, 50001, "Error in the backend data store: " + message);
    }

    static RegistryError storeTimeout(String message) {
        return new RegistryError(500, 50002, "Operation timed out: " + message);
    }
}
