package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsFileTest {

    @TempDir
    Path directory;

    @Test
    void functions_are_read_with_their_annotations() throws IOException {
        Path file = write("""
                [{"name":"echo","url":"http://127.0.0.1:8081/","annotations":{"com.invoq.timeout":"2m"}}]""");

        assertThat(FunctionsFile.read(file)).singleElement()
                .satisfies(function -> assertThat(function.annotations()).containsEntry("com.invoq.timeout", "2m"));
    }

    @Test
    void a_function_with_an_annotation_invoq_cannot_use_fails_the_start_naming_the_file_and_the_annotation()
            throws IOException {
        Path file = write("""
                [{"name":"poison","url":"http://127.0.0.1:9/","annotations":{"com.invoq.timeout":"9999999h"}}]""");

        assertThatThrownBy(() -> FunctionsFile.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("functions_file='" + file + "'")
                .hasMessageContaining("annotation com.invoq.timeout='9999999h'");
    }

    private Path write(String json) throws IOException {
        Path file = directory.resolve("functions.json");
        Files.writeString(file, json);
        return file;
    }
}
