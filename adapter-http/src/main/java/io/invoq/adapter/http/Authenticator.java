package io.invoq.adapter.http;

import io.invoq.adapter.http.AuthSettings.BasicAuth;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request's credentials against what its route needs: {@code /system/...} and cancelling
 * always (reading needs {@code read}, the rest {@code admin}); submitting and calling functions
 * {@code submit} when so configured; {@code /metrics} {@code read} when so configured;
 * {@code /healthz} and {@code /readyz} never. No credentials, or wrong ones: {@code 401} with
 * {@code WWW-Authenticate}; right ones without the scope: {@code 403}. Basic-auth credentials may do
 * everything, as on the OpenFaaS gateway.
 */
final class Authenticator {

    /** Set on a request whose {@code Authorization} header held invoq's credentials, which are then not passed on. */
    static final String AUTHENTICATED = "invoq.authenticated";
    static final String AUTHORIZATION = "Authorization";
    private static final Set<Scope> EVERYTHING = EnumSet.allOf(Scope.class);

    private final AuthSettings settings;
    private final String challenges;
    private final String schemes;

    Authenticator(AuthSettings settings) {
        this.settings = settings;
        List<String> offered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        settings.basic().ifPresent(basic -> {
            offered.add("Basic realm=\"invoq\", charset=\"UTF-8\"");
            names.add("Basic");
        });
        settings.tokens().ifPresent(tokens -> {
            offered.add("Bearer realm=\"invoq\"");
            names.add("Bearer");
        });
        this.challenges = String.join(", ", offered);
        this.schemes = String.join(" or ", names);
    }

    void check(Context ctx) {
        if (!settings.enabled()) {
            return;
        }
        Optional<Scope> needed = needed(ctx.method(), ctx.path());
        if (needed.isEmpty()) {
            return;
        }
        Optional<Set<Scope>> granted = granted(ctx.header(AUTHORIZATION));
        if (granted.isEmpty()) {
            throw new RefusedException(401, "credentials needed (" + schemes + "), or the ones sent are wrong",
                    Map.of("WWW-Authenticate", challenges));
        }
        ctx.attribute(AUTHENTICATED, true);
        if (!granted.get().contains(Scope.ADMIN) && !granted.get().contains(needed.get())) {
            throw new RefusedException(403, "these credentials lack the '" + needed.get().text() + "' scope");
        }
    }

    private Optional<Scope> needed(HandlerType method, String path) {
        if (path.startsWith("/system/")) {
            return Optional.of(method == HandlerType.GET || method == HandlerType.HEAD ? Scope.READ : Scope.ADMIN);
        }
        if (path.startsWith("/async-function/") && method == HandlerType.DELETE) {
            return Optional.of(Scope.ADMIN);
        }
        if (path.startsWith("/async-function/") || path.startsWith("/function/")) {
            return settings.submitNeedsScope() ? Optional.of(Scope.SUBMIT) : Optional.empty();
        }
        if (path.equals("/metrics")) {
            return settings.metricsNeedsScope() ? Optional.of(Scope.READ) : Optional.empty();
        }
        return Optional.empty();
    }

    /** What the credentials of an {@code Authorization} header may do; empty when there are none or they are wrong. */
    private Optional<Set<Scope>> granted(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            return settings.basic().flatMap(basic -> basic(basic, credentials));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return settings.tokens().flatMap(tokens -> tokens.scopesOf(credentials));
        }
        return Optional.empty();
    }

    private static Optional<Set<Scope>> basic(BasicAuth basic, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon >= 0 && basic.matches(decoded.substring(0, colon), decoded.substring(colon + 1))
                ? Optional.of(EVERYTHING) : Optional.empty();
    }
}
