package io.invoq.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@code deploy/grafana/invoq-dashboard.json}, as Grafana would import it, and the metrics its queries select. */
final class GrafanaDashboard {

    /** A metric selector in PromQL: every query of the dashboard names its metrics with {@code {...}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private final JsonNode root;

    private GrafanaDashboard(JsonNode root) {
        this.root = root;
    }

    static GrafanaDashboard load() {
        String file = System.getProperty("invoq.dashboard");
        if (file == null) {
            throw new IllegalStateException("system property invoq.dashboard must name the dashboard file (the pom sets it)");
        }
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(Path.of(file).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    List<JsonNode> panels() {
        return elements(root.path("panels")).toList();
    }

    List<JsonNode> variables() {
        return elements(root.path("templating").path("list")).toList();
    }

    List<String> expressions(JsonNode panel) {
        return elements(panel.path("targets")).map(target -> target.path("expr").asText()).toList();
    }

    /** Every metric the panels' queries and the variables' queries select. */
    List<String> metricNames() {
        List<String> names = new ArrayList<>();
        panels().stream().flatMap(panel -> expressions(panel).stream()).forEach(expr -> names.addAll(selected(expr)));
        variables().forEach(variable -> names.addAll(matches(LABEL_VALUES, variable.path("definition").asText())));
        return names.stream().distinct().toList();
    }

    static List<String> selected(String expression) {
        return matches(SELECTOR, expression);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
