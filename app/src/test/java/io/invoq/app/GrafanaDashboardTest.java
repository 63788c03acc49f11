package io.invoq.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's shape; that its metrics are the ones invoq exports is checked against a running jar in InMemoryMetricsTest. */
class GrafanaDashboardTest {

    private static final String DATASOURCE = "${datasource}";

    private final GrafanaDashboard dashboard = GrafanaDashboard.load();

    @Test
    void it_is_a_current_grafana_dashboard_whose_panels_all_query_the_prometheus_data_source_chosen_at_import() {
        assertThat(dashboard.root().path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.root().path("uid").asText()).isNotBlank();
        assertThat(dashboard.variables()).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        assertThat(dashboard.panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
            assertThat(panel.path("gridPos").path("w").asInt()).isPositive();
            assertThat(panel.path("targets")).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
                assertThat(GrafanaDashboard.selected(target.path("expr").asText()))
                        .as("metrics selected by %s", target.path("expr")).isNotEmpty();
            });
        });
        assertThat(dashboard.panels().stream().map(panel -> panel.path("id").asInt())).doesNotHaveDuplicates();
    }

    @Test
    void it_shows_the_queue_worker_metrics_retries_failures_callbacks_and_the_latency_histograms() {
        assertThat(dashboard.metricNames()).contains(
                "queue_worker_pending_messages",
                "queue_worker_messages_submitted_total",
                "queue_worker_messages_processed_total",
                "queue_worker_function_invocation_inflight",
                "queue_worker_nats_reconnect_total",
                "invoq_retries_total",
                "invoq_calls_failed_total",
                "invoq_callback_failures_total",
                "invoq_invocation_duration_seconds_bucket",
                "invoq_enqueue_to_start_seconds_bucket",
                "invoq_gateway_request_duration_seconds_count",
                "invoq_gateway_request_duration_seconds_bucket");
    }

    @Test
    void every_latency_panel_shows_p50_p95_and_p99_from_a_histogram() {
        List<JsonNode> latencyPanels = dashboard.panels().stream()
                .filter(panel -> panel.path("title").asText().contains("latency")).toList();

        assertThat(latencyPanels).hasSize(3).allSatisfy(panel -> assertThat(dashboard.expressions(panel))
                .satisfiesExactly(
                        expr -> assertThat(expr).startsWith("histogram_quantile(0.5,").contains("_bucket{"),
                        expr -> assertThat(expr).startsWith("histogram_quantile(0.95,").contains("_bucket{"),
                        expr -> assertThat(expr).startsWith("histogram_quantile(0.99,").contains("_bucket{")));
    }
}
