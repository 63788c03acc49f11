package io.invoq.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoq.domain.FunctionDefinition;
import io.invoq.domain.FunctionName;
import io.invoq.ports.out.FunctionRegistry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryFunctionRegistryTest {

    private final FunctionRegistry registry = InMemoryBrokerModule.newFunctionRegistry();

    @Test
    void a_saved_function_is_found_by_its_name() {
        FunctionDefinition resize = function("resize", "http://127.0.0.1:8081");

        assertThat(registry.save(resize)).as("new").isTrue();

        assertThat(registry.find(resize.name())).contains(resize);
        assertThat(registry.find(new FunctionName("unknown"))).isEmpty();
    }

    @Test
    void saving_a_function_again_replaces_it() {
        registry.save(function("resize", "http://127.0.0.1:8081"));
        FunctionDefinition moved = function("resize", "http://127.0.0.1:9091");

        assertThat(registry.save(moved)).as("new").isFalse();

        assertThat(registry.list()).containsExactly(moved);
    }

    @Test
    void functions_are_listed_by_name() {
        FunctionDefinition thumbnail = function("thumbnail", "http://127.0.0.1:8082");
        FunctionDefinition resize = function("resize", "http://127.0.0.1:8081");
        registry.save(thumbnail);
        registry.save(resize);

        assertThat(registry.list()).containsExactly(resize, thumbnail);
    }

    @Test
    void a_removed_function_is_gone_and_removing_it_again_reports_so() {
        FunctionDefinition resize = function("resize", "http://127.0.0.1:8081");
        registry.save(resize);

        assertThat(registry.remove(resize.name())).isTrue();
        assertThat(registry.remove(resize.name())).isFalse();
        assertThat(registry.find(resize.name())).isEmpty();
    }

    private static FunctionDefinition function(String name, String url) {
        return new FunctionDefinition(new FunctionName(name), URI.create(url), Map.of());
    }
}
