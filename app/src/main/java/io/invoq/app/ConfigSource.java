package io.invoq.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Raw configuration text by key, merged from (highest first) {@code --kebab-case} flags,
 * environment variables (the OpenFaaS queue-worker's lower-case names, or upper case), and an
 * optional properties file named by {@code config_file}.
 */
final class ConfigSource {

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Map<String, String> file;

    private ConfigSource(Map<String, String> flags, Map<String, String> environment, Map<String, String> file) {
        this.flags = flags;
        this.environment = environment;
        this.file = file;
    }

    static ConfigSource of(String[] args, Map<String, String> environment) {
        Set<String> knownKeys = ConfigKey.all().stream().map(ConfigKey::key).collect(Collectors.toUnmodifiableSet());
        Map<String, String> flags = parseFlags(args, knownKeys);
        ConfigSource withoutFile = new ConfigSource(flags, environment, Map.of());
        Map<String, String> file = ConfigKey.CONFIG_FILE.read(withoutFile).map(ConfigSource::readFile).orElse(Map.of());
        file.keySet().stream().filter(key -> !knownKeys.contains(key)).findFirst().ifPresent(key -> {
            throw new ConfigurationException("unknown key '" + key + "' in the config file");
        });
        return new ConfigSource(flags, environment, file);
    }

    Optional<String> get(String key) {
        String value = flags.get(key);
        if (value == null) {
            value = environment.get(key);
        }
        if (value == null) {
            value = environment.get(key.toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            value = file.get(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static Map<String, String> parseFlags(String[] args, Set<String> knownKeys) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new ConfigurationException("unexpected argument '" + arg + "': flags look like --max-inflight=4");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            String key = name.replace('-', '_');
            if (!knownKeys.contains(key)) {
                throw new ConfigurationException("unknown flag --" + name);
            }
            flags.put(key, value);
        }
        return flags;
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw ConfigKey.CONFIG_FILE.invalid(path.toString(), "cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.replace('-', '_'), properties.getProperty(name)));
        return values;
    }
}
