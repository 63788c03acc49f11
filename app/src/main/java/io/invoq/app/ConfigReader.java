package io.invoq.app;

import io.invoq.domain.DurationText;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Typed, validated values from a {@link ConfigSource}; every failure names its key. */
final class ConfigReader {

    private final ConfigSource source;

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    String text(ConfigKey key) {
        return source.get(key.key()).orElse(key.defaultValue());
    }

    Optional<String> optionalText(ConfigKey key) {
        return source.get(key.key()).or(() -> Optional.of(key.defaultValue()).filter(value -> !value.isEmpty()));
    }

    int integer(ConfigKey key, int min, int max) {
        long value = parse(key, Long::parseLong, "a whole number");
        if (value < min || value > max) {
            throw invalid(key, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    long longValue(ConfigKey key, long min) {
        long value = parse(key, Long::parseLong, "a whole number");
        if (value < min) {
            throw invalid(key, "must be at least " + min);
        }
        return value;
    }

    Duration duration(ConfigKey key, Duration min) {
        Duration value = parse(key, DurationText::parse, "a duration such as 30s, 5m or 250ms");
        if (value.compareTo(min) < 0) {
            throw invalid(key, "must be at least " + DurationText.format(min));
        }
        return value;
    }

    boolean bool(ConfigKey key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(key, "must be true or false");
        };
    }

    <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
        String value = text(key).toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value))
                .findFirst()
                .orElseThrow(() -> invalid(key, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** An absolute http(s) URL in which {@code {name}} may stand for a function's name. */
    Optional<String> urlTemplate(ConfigKey key) {
        return optionalText(key).map(template -> {
            URI url = parse(key, value -> URI.create(value.replace("{name}", "name")), "a URL");
            if (!url.isAbsolute() || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw invalid(key, "must be an absolute http or https URL");
            }
            return template;
        });
    }

    <T> T parse(ConfigKey key, Function<String, T> parser, String expected) {
        String text = text(key);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid(key, "must be " + expected);
        }
    }

    ConfigurationException invalid(ConfigKey key, String problem) {
        return new ConfigurationException("invalid configuration: " + key.key() + "='" + text(key) + "' " + problem
                + " (flag " + key.flag() + ")");
    }
}
