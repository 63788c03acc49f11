package io.invoq.adapter.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files that hold secrets; what goes wrong names the file, never its content. */
final class SecretFiles {

    private SecretFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The file's content without surrounding white space; an empty one is refused. */
    static String firstLine(Path file) {
        String value = read(file).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        return value;
    }
}
