package io.invoq.app;

import java.util.stream.Collectors;

/** The {@code --help} text and the README's configuration table, both from {@link ConfigKey}'s declarations. */
final class Usage {

    private Usage() {
    }

    static String text() {
        return "invoq: asynchronous function invocation\n\n"
                + "usage: java -jar invoq.jar [--flag=value ...]\n"
                + "Every flag is also read from the environment variable of the same name in snake_case\n"
                + "(e.g. --max-inflight or max_inflight / MAX_INFLIGHT), and from the config_file.\n\n"
                + ConfigKey.all().stream()
                        .map(key -> String.format("  %-32s %-26s %s", key.flag(),
                                key.defaultText().isEmpty() ? "" : "(" + key.defaultText() + ")",
                                key.help().replace("`", "")))
                        .collect(Collectors.joining("\n"));
    }

    /** The README's table of keys, in Markdown. */
    static String markdownTable() {
        return "| key | flag | default | meaning |\n|---|---|---|---|\n"
                + ConfigKey.all().stream()
                        .map(key -> "| `" + key.key() + "` | `" + key.flag() + "` | "
                                + (key.defaultText().isEmpty() ? "" : "`" + key.defaultText() + "`") + " | "
                                + key.help() + " |")
                        .collect(Collectors.joining("\n"));
    }
}
