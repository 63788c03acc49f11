package io.invoq.app;

/** Typed, validated values from a {@link ConfigSource}; every failure names its key. */
final class ConfigReader {

    private final ConfigSource source;

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    <T> T get(ConfigKey<T> key) {
        return key.read(source);
    }

    ConfigurationException invalid(ConfigKey<?> key, String problem) {
        return key.invalid(source.get(key.key()).orElse(key.defaultText()), problem);
    }
}
