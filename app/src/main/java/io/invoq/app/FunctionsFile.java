package io.invoq.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code functions_file}: a JSON array of {@code {"name", "url", "annotations"}}, the same
 * shape {@code POST /system/functions} takes.
 */
final class FunctionsFile {

    private FunctionsFile() {
    }

    static List<FunctionDefinition> read(Path path) {
        try {
            JsonNode root = new ObjectMapper().readTree(path.toFile());
            if (root == null || !root.isArray()) {
                throw invalid(path, "must hold a JSON array of functions");
            }
            List<FunctionDefinition> functions = new ArrayList<>();
            for (JsonNode node : root) {
                functions.add(definition(path, node));
            }
            return functions;
        } catch (IOException e) {
            throw invalid(path, "is not valid JSON: " + e.getMessage());
        }
    }

    private static FunctionDefinition definition(Path path, JsonNode node) {
        try {
            Map<String, String> annotations = new LinkedHashMap<>();
            node.path("annotations").fields().forEachRemaining(entry -> annotations.put(entry.getKey(), entry.getValue().asText()));
            return new FunctionDefinition(new FunctionName(node.path("name").asText()),
                    URI.create(node.path("url").asText()), annotations);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "has an invalid function " + node + ": " + e.getMessage());
        }
    }

    private static ConfigurationException invalid(Path path, String problem) {
        return ConfigKey.FUNCTIONS_FILE.invalid(path.toString(), problem);
    }
}
