package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void invoq_runs_with_the_readmes_production_jvm_options_unless_told_otherwise() {
        assertThat(BenchmarkOptions.parse().invoqJavaOptions()).containsExactly("-XX:SharedArchiveFile=app/target/invoq.jsa", "-Xmx320m",
                "-XX:+UseParallelGC");
        assertThat(BenchmarkOptions.parse("--invoq-java-options= -Xmx1g  -Dx=1 ").invoqJavaOptions())
                .containsExactly("-Xmx1g", "-Dx=1");
    }

    @Test
    void invoq_runs_with_its_default_read_ahead_and_a_window_of_256_calls_unless_told_otherwise() {
        BenchmarkOptions defaults = BenchmarkOptions.parse();
        BenchmarkOptions given = BenchmarkOptions.parse("--read-ahead=32", "--window=64", "--million");

        assertThat(defaults).extracting(BenchmarkOptions::readAhead, BenchmarkOptions::window, BenchmarkOptions::million)
                .containsExactly(0, 256, false);
        assertThat(given).extracting(BenchmarkOptions::readAhead, BenchmarkOptions::window, BenchmarkOptions::million)
                .containsExactly(32, 64, true);
        assertThat(defaults.profile().scaleBacklogs()).isEmpty();
        assertThat(given.profile().scaleBacklogs()).containsExactly(10_000, 1_000_000);
        assertThat(given.profile().timeLimit()).isGreaterThan(defaults.profile().timeLimit());
    }

    @Test
    void the_fairness_phase_runs_alone_only_when_asked() {
        assertThat(BenchmarkOptions.parse().fairnessOnly()).isFalse();
        assertThat(BenchmarkOptions.parse("--fairness-only", "--quick").fairnessOnly()).isTrue();
    }

    @Test
    void an_argument_it_does_not_know_is_refused_by_name() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessage("unknown argument --fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency=0"))
                .hasMessage("--concurrency needs a positive whole number, not '0'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--read-ahead=-1"))
                .hasMessage("--read-ahead needs a whole number ≥ 0, not '-1'");
    }
}
