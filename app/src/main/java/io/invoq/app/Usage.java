package io.invoq.app;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code --help} text: every configuration key, its flag and default. */
final class Usage {

    private Usage() {
    }

    static String text() {
        return "invoq: asynchronous function invocation\n\n"
                + "usage: java -jar invoq.jar [--flag=value ...]\n"
                + "Every flag is also read from the environment variable of the same name in snake_case\n"
                + "(e.g. --max-inflight or max_inflight / MAX_INFLIGHT), and from the config_file.\n\n"
                + Arrays.stream(ConfigKey.values())
                        .map(key -> String.format("  %-32s %-26s %s", key.flag(),
                                key.defaultValue().isEmpty() ? "" : "(" + key.defaultValue() + ")", key.description()))
                        .collect(Collectors.joining("\n"));
    }
}
