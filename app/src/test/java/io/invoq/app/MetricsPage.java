package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of {@code GET /metrics}, parsed from the Prometheus text format. */
final class MetricsPage {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private MetricsPage(List<Sample> samples) {
        this.samples = samples;
    }

    static MetricsPage scrape(InvoqClient client) {
        HttpResponse<String> response = client.send("GET", "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return parse(response.body());
    }

    static MetricsPage parse(String text) {
        return new MetricsPage(text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(MetricsPage::sample)
                .toList());
    }

    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    /**
     * The value of the one sample of that name whose labels include these, 0 when there is none
     * (a counter not yet incremented, a gauge of nothing pending).
     */
    double value(String name, String... labelNamesAndValues) {
        List<Sample> matching = matching(name, labelNamesAndValues);
        assertThat(matching).as("samples of %s with %s", name, List.of(labelNamesAndValues)).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    List<Sample> matching(String name, String... labelNamesAndValues) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labelNamesAndValues.length; i += 2) {
            wanted.put(labelNamesAndValues[i], labelNamesAndValues[i + 1]);
        }
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
    }

    private static Sample sample(String line) {
        Matcher matcher = SAMPLE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        Map<String, String> labels = new HashMap<>();
        if (matcher.group(2) != null) {
            Matcher label = LABEL.matcher(matcher.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3)));
    }
}
