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

    static RegistryError subjectSoftDeleted(String subject) {
        return new RegistryError(404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryError subjectNotSoftDeleted(String subject) {
        return new RegistryError(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryError versionSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40406, "Subject '" + subject + "' Version " + version
            + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryError versionNotSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40407, "Subject '" + subject + "' Version " + version
            + " was not deleted first before being permanently deleted");
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

    static RegistryError unauthorized() {
        return new RegistryError(401, 401, "Unauthorized: this registry needs HTTP basic auth (basic.auth.user.info=user:password)");
    }

    static RegistryError forbidden(String what) {
        return new RegistryError(403, 40301, "User is denied operation: " + what + " needs the admin role");
    }

    static RegistryError unsupportedMediaType(String contentType) {
        return new RegistryError(415, 415, "HTTP 415 Unsupported Media Type: send Content-Type "
            + "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json or application/json"
            + (contentType == null ? "" : ", not " + (contentType.length() > 100 ? contentType.substring(0, 100) + "…" : contentType)));
    }

    static RegistryError tooLarge(int maxBytes) {
        return new RegistryError(413, 413, "Request body larger than " + maxBytes + " bytes (" + RegistryServerSettings.MAX_REQUEST_BYTES + ")");
    }

    static RegistryError badRequest(String message) {
        return new RegistryError(400, 400, message);
    }

    static RegistryError storeFailure(String message) {
        return new RegistryError(500, 50001, "Error in the backend data store: " + message);
    }

    /** What any unexpected failure answers: its details are in the registry's log, never in the answer. */
    static RegistryError internal() {
        return new RegistryError(500, 50001, "Error in the backend data store (see the registry's log)");
    }

    static RegistryError storeTimeout(String message) {
        return new RegistryError(500, 50002, "Operation timed out: " + message);
    }
}
