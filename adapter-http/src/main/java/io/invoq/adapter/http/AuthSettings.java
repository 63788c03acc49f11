package io.invoq.adapter.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the gateway: off (the default) without basic auth and without tokens; with either,
 * the admin routes need credentials, and submitting and {@code /metrics} too when so configured.
 *
 * @param submitNeedsScope  whether submitting and calling functions needs the {@code submit} scope
 * @param metricsNeedsScope whether {@code /metrics} needs the {@code read} scope
 */
public record AuthSettings(Optional<BasicAuth> basic, Optional<TokenList> tokens, boolean submitNeedsScope,
                           boolean metricsNeedsScope) {

    public static final AuthSettings OFF = new AuthSettings(Optional.empty(), Optional.empty(), false, false);

    /** @throws IllegalArgumentException when a route should need credentials but there are none to check */
    public AuthSettings {
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(tokens, "tokens");
        if (basic.isEmpty() && tokens.isEmpty() && (submitNeedsScope || metricsNeedsScope)) {
            throw new IllegalArgumentException("needs basic_auth or auth_tokens_file to check credentials with");
        }
    }

    boolean enabled() {
        return basic.isPresent() || tokens.isPresent();
    }

    /**
     * The one user name and password of OpenFaaS basic auth, read from the files {@value #USER_FILE} and
     * {@value #PASSWORD_FILE} of a directory as the OpenFaaS gateway reads them (surrounding white space
     * dropped). Held as digests, compared in constant time, never printed.
     */
    public static final class BasicAuth {

        public static final String USER_FILE = "basic-auth-user";
        public static final String PASSWORD_FILE = "basic-auth-password";

        private final Secret user;
        private final Secret password;

        private BasicAuth(Secret user, Secret password) {
            this.user = user;
            this.password = password;
        }

        /** @throws IllegalArgumentException naming a file that is missing, unreadable or empty */
        public static BasicAuth readFrom(Path directory) {
            return new BasicAuth(new Secret(SecretFiles.firstLine(directory.resolve(USER_FILE))),
                    new Secret(SecretFiles.firstLine(directory.resolve(PASSWORD_FILE))));
        }

        /** Both are compared, whatever the first says, so that the time taken tells nothing. */
        boolean matches(String candidateUser, String candidatePassword) {
            boolean userMatches = user.matches(candidateUser);
            boolean passwordMatches = password.matches(candidatePassword);
            return userMatches & passwordMatches;
        }

        @Override
        public String toString() {
            return "BasicAuth[redacted]";
        }
    }

    /**
     * Bearer tokens and their scopes, read from a file: one a line, the token then its scopes
     * ({@code submit}, {@code read}, {@code admin}) separated by commas or spaces; {@code #} starts a
     * comment. Held as digests, compared in constant time, never printed.
     */
    public static final class TokenList {

        static final int SHORTEST_TOKEN = 16;

        private record Token(Secret secret, Set<Scope> scopes) {
        }

        private final List<Token> tokens;

        private TokenList(List<Token> tokens) {
            this.tokens = List.copyOf(tokens);
        }

        /** @throws IllegalArgumentException naming the file and line that cannot be used, never showing a token */
        public static TokenList readFrom(Path file) {
            List<Token> tokens = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<String> lines = SecretFiles.read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").strip();
                if (!line.isEmpty()) {
                    tokens.add(token(line, file + " line " + (i + 1), seen));
                }
            }
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no token");
            }
            return new TokenList(tokens);
        }

        /** What the presented token may do; every token is compared, so that the time taken tells nothing. */
        Optional<Set<Scope>> scopesOf(String presented) {
            Optional<Set<Scope>> granted = Optional.empty();
            for (Token token : tokens) {
                if (token.secret().matches(presented)) {
                    granted = Optional.of(token.scopes());
                }
            }
            return granted;
        }

        @Override
        public String toString() {
            return "TokenList[" + tokens.size() + " tokens]";
        }

        private static Token token(String line, String where, Set<String> seen) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + " has no scopes: write the token, then submit, read or admin");
            }
            if (parts[0].length() < SHORTEST_TOKEN) {
                throw new IllegalArgumentException(where + " has a token shorter than " + SHORTEST_TOKEN + " characters");
            }
            if (!seen.add(parts[0])) {
                throw new IllegalArgumentException(where + " repeats the token of an earlier line");
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String scope : parts[1].split("[\\s,]+")) {
                try {
                    scopes.add(Scope.parse(scope));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            return new Token(new Secret(parts[0]), scopes);
        }
    }
}
