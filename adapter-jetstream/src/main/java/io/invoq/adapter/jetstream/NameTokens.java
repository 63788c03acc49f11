package io.invoq.adapter.jetstream;

import io.invoq.domain.FunctionName;
import java.util.Optional;

/**
 * Function names as NATS subject tokens and KV keys. A name is used as it is, dots included, unless
 * a dot would leave an empty token ({@code .a}, {@code a.}, {@code a..b}); then every dot is
 * written as {@value #ESCAPED_DOT}, which no function name can contain, so decoding is unambiguous.
 */
final class NameTokens {

    private static final String DOT = ".";
    private static final String ESCAPED_DOT = "=2E";

    private NameTokens() {
    }

    static String encode(FunctionName function) {
        String name = function.value();
        boolean emptyToken = name.startsWith(DOT) || name.endsWith(DOT) || name.contains(DOT + DOT);
        return emptyToken ? name.replace(DOT, ESCAPED_DOT) : name;
    }

    /** The function a token names; empty for a token no function name encodes to. */
    static Optional<FunctionName> decode(String token) {
        try {
            return Optional.of(new FunctionName(token.replace(ESCAPED_DOT, DOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
