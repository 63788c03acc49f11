package io.invoq.app;

import io.invoq.adapter.http.AuthSettings.TokenList;
import io.invoq.adapter.http.CallbackSigningSettings;
import io.invoq.adapter.http.OutboundSettings.AllowList;
import io.invoq.adapter.jetstream.JetStreamSettings;
import io.invoq.domain.DurationText;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * How a configuration key's text becomes a value and a value becomes text again (for the defaults
 * shown by {@code --help} and the README).
 *
 * @param parse  throws {@link InvalidValue} with the reason, or any other runtime exception,
 *               which is reported as "must be {@code expected}"
 */
record ValueType<T>(String expected, Function<String, T> parse, Function<T, String> format, boolean secret) {

    private static final Set<String> NATS_SCHEMES = Set.of("nats", "tls", "opentls", "ws", "wss");

    /** A value that cannot be used, and why, e.g. "must be between 1 and 5". */
    static final class InvalidValue extends RuntimeException {
        InvalidValue(String reason) {
            super(reason, null, false, false);
        }
    }

    static <T> ValueType<T> of(String expected, Function<String, T> parse, Function<T, String> format) {
        return new ValueType<>(expected, parse, format, false);
    }

    /** The same type for a value that is a secret: an error about it never shows it. */
    ValueType<T> secretly() {
        return new ValueType<>(expected, parse, format, true);
    }

    /** Signing secrets, {@code whsec_} and base64, separated by spaces. */
    static ValueType<CallbackSigningSettings> signingSecrets() {
        return of("whsec_ secrets separated by spaces", text -> {
            try {
                return CallbackSigningSettings.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidValue(e.getMessage());
            }
        }, secrets -> "").secretly();
    }

    static ValueType<String> text() {
        return of("text", Function.identity(), Function.identity());
    }

    static ValueType<Integer> integer(int min, int max) {
        return of("a whole number", text -> {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new InvalidValue("must be between " + min + " and " + max);
            }
            return (int) value;
        }, String::valueOf);
    }

    static ValueType<Long> wholeNumber(long min, long max) {
        return of("a whole number", text -> {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new InvalidValue(max == Long.MAX_VALUE ? "must be at least " + min
                        : "must be between " + min + " and " + max);
            }
            return value;
        }, String::valueOf);
    }

    static ValueType<Duration> duration(Duration min) {
        return of("a duration such as 30s, 5m or 250ms", text -> {
            Duration value = DurationText.parse(text);
            if (value.compareTo(min) < 0) {
                throw new InvalidValue("must be at least " + DurationText.format(min));
            }
            return value;
        }, DurationText::format);
    }

    static ValueType<Boolean> bool() {
        return of("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidValue("must be true or false");
        }, String::valueOf);
    }

    static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        String choices = Arrays.stream(type.getEnumConstants()).map(ValueType::lowerCase).toList().toString();
        return of("one of " + choices, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)), ValueType::lowerCase);
    }

    /** NATS server URLs separated by commas; one without a scheme means {@code nats://}, as jnats reads it. */
    static ValueType<String> natsUrls() {
        String expected = "NATS server URLs separated by commas, such as nats://host:4222";
        return of(expected, urls -> {
            for (String url : urls.split(",", -1)) {
                String trimmed = url.trim();
                URI parsed;
                try {
                    parsed = new URI(trimmed.contains("://") ? trimmed : "nats://" + trimmed);
                } catch (URISyntaxException e) {
                    throw new InvalidValue("must be " + expected);
                }
                if (parsed.getHost() == null || !NATS_SCHEMES.contains(parsed.getScheme())) {
                    throw new InvalidValue("must be " + expected);
                }
            }
            return urls;
        }, Function.identity());
    }

    /** An absolute http(s) URL in which {@code {name}} may stand for a function's name. */
    static ValueType<String> urlTemplate() {
        return of("an absolute http or https URL", template -> {
            URI url = URI.create(template.replace("{name}", "name").replace("{namespace}", "namespace"));
            if (!url.isAbsolute() || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new InvalidValue("must be an absolute http or https URL");
            }
            return template;
        }, Function.identity());
    }

    /** Host names, patterns, addresses and CIDR blocks. */
    static ValueType<AllowList> allowList() {
        return of("host names, *.domain patterns, addresses and CIDR blocks", text -> {
            try {
                return AllowList.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidValue(e.getMessage());
            }
        }, AllowList::text);
    }

    /** A file of bearer tokens; what is wrong with it names the file and line, never a token. */
    static ValueType<TokenList> tokenList() {
        return of("a file of tokens and scopes", text -> {
            try {
                return TokenList.readFrom(Path.of(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidValue(e.getMessage());
            }
        }, TokenList::toString);
    }

    static ValueType<Path> readableFile() {
        return of("a readable file", text -> {
            Path path = Path.of(text);
            if (!Files.isReadable(path)) {
                throw new InvalidValue("is not a readable file");
            }
            return path;
        }, Path::toString);
    }

    /** The name of a NATS stream or consumer. */
    static ValueType<String> natsName() {
        return of("a name that " + JetStreamSettings.NAME_RULE,
                name -> JetStreamSettings.requireName(name, "name"), Function.identity());
    }

    private static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
