package io.tip.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.UnauthorizedResponse;
import io.tip.app.config.AppConfig;

/**
 * Optional authentication of the HTTP API: a bearer token and/or HTTP basic credentials from the
 * settings, compared in constant time. Probes ({@code /health/live}, {@code /health/ready}) stay open.
 * The instances of one application call each other with the same credentials.
 */
final class ApiAccess {
    private static final Set<String> OPEN = Set.of("/health/live", "/health/ready");

    private final List<byte[]> accepted = new ArrayList<>();
    private final String outgoing;

    ApiAccess(AppConfig config) {
        Optional<String> token = config.httpAuthToken();
        Optional<String> basic = config.httpAuthBasicUserInfo();
        token.ifPresent(t -> accepted.add(("Bearer " + t).getBytes(StandardCharsets.UTF_8)));
        basic.ifPresent(b -> accepted.add(basicHeader(b).getBytes(StandardCharsets.UTF_8)));
        outgoing = token.map(t -> "Bearer " + t).orElseGet(() -> basic.map(ApiAccess::basicHeader).orElse(null));
    }

    boolean enabled() {
        return !accepted.isEmpty();
    }

    /** The Authorization header this instance sends to the others, if the API requires one. */
    Optional<String> outgoingAuthorization() {
        return Optional.ofNullable(outgoing);
    }

    void check(Context ctx) {
        if (!enabled() || OPEN.contains(ctx.path())) {
            return;
        }
        String given = ctx.header(Header.AUTHORIZATION);
        byte[] givenBytes = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] expected : accepted) {
            ok |= MessageDigest.isEqual(expected, givenBytes); // constant time for equal lengths; checks every candidate
        }
        if (!ok) {
            ctx.header(Header.WWW_AUTHENTICATE, "Basic realm=\"tip\", Bearer");
            throw new UnauthorizedResponse("authentication required: send Authorization: Bearer <http.auth.token> "
                    + "or basic credentials (http.auth.basic.user.info)");
        }
    }

    private static String basicHeader(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
