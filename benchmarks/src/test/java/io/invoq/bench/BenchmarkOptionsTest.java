package io.invoq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void invoq_runs_with_the_readmes_production_jvm_options_unless_told_otherwise() {
        assertThat(BenchmarkOptions.parse().invoqJavaOptions()).containsExactly("-Xmx320m", "-XX:+UseParallelGC");
        assertThat(BenchmarkOptions.parse("--invoq-java-options= -Xmx1g  -Dx=1 ").invoqJavaOptions())
                .containsExactly("-Xmx1g", "-Dx=1");
    }

    @Test
    void an_argument_it_does_not_know_is_refused_by_name() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessage("unknown argument --fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency=0"))
                .hasMessage("--concurrency needs a positive whole number, not '0'");
    }
}
