package io.invoq.adapter.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens and their scopes, read from a file: one a line, the token then its scopes
 * ({@code submit}, {@code read}, {@code admin}) separated by commas or spaces; {@code #} starts a
 * comment. Held as digests, compared in constant time, never printed.
 */
public final class TokenList {

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
