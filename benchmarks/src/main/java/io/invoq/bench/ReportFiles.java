package io.invoq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report as {@code <stamp>.json} and {@code <stamp>.md} side by side. */
final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** @return the Markdown file */
    static Path write(BenchmarkReport report, String markdown, Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve(stamp + ".json").toFile(), report);
        return Files.writeString(directory.resolve(stamp + ".md"), markdown);
    }
}
