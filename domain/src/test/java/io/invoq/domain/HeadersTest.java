package io.invoq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void names_are_found_whatever_their_case_and_names_differing_in_case_only_are_one_header() {
        Headers headers = new Headers(Map.of("X-Trace", List.of("a"), "x-trace", List.of("b"), "Accept", List.of("*/*")));

        assertThat(headers.values().get("X-TRACE")).containsExactlyInAnyOrder("a", "b");
        assertThat(headers.first("accept")).contains("*/*");
        assertThat(headers.contains("ACCEPT")).isTrue();
        assertThat(headers.first("Missing")).isEmpty();
    }

    @Test
    void what_the_caller_changes_afterwards_in_its_map_or_lists_changes_nothing() {
        List<String> values = new ArrayList<>(List.of("1"));
        Map<String, List<String>> map = new HashMap<>(Map.of("X-One", values));
        Headers headers = new Headers(map);

        values.add("2");
        map.put("X-Two", List.of("2"));

        assertThat(headers.values()).isEqualTo(Map.of("X-One", List.of("1")));
    }

    @Test
    void the_values_cannot_be_changed_through_the_headers() {
        Headers headers = Headers.of("X-One", "1");

        assertThatThrownBy(() -> headers.values().put("X-Two", List.of("2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.values().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.values().get("X-One").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_and_without_make_copies_and_leave_the_original_as_it_was() {
        Headers original = Headers.of("Accept", "*/*", "X-Trace", "a", "X-Trace", "b");

        Headers replaced = original.with("x-trace", "c");
        Headers removed = original.without("X-TRACE");

        assertThat(replaced.values()).isEqualTo(Map.of("Accept", List.of("*/*"), "X-Trace", List.of("c")));
        assertThat(removed.values()).isEqualTo(Map.of("Accept", List.of("*/*")));
        assertThat(original.values()).isEqualTo(Map.of("Accept", List.of("*/*"), "X-Trace", List.of("a", "b")));
        assertThat(removed.with(Map.of("X-Trace", "c"))).isEqualTo(replaced);
    }

    @Test
    void headers_with_the_same_names_and_values_are_equal_however_they_were_made() {
        Headers made = new Headers(Map.of("Accept", List.of("*/*")));
        Headers given = Headers.of("Accept", "*/*");
        Headers copied = Headers.of("Accept", "*/*", "X-Other", "1").without("X-Other");

        assertThat(made).isEqualTo(given).isEqualTo(copied).hasSameHashCodeAs(given).hasSameHashCodeAs(copied);
        assertThat(Headers.EMPTY).isEqualTo(new Headers(Map.of())).isNotEqualTo(given);
    }

    @Test
    void names_and_values_must_come_in_pairs() {
        assertThatThrownBy(() -> Headers.of("X-One")).isInstanceOf(IllegalArgumentException.class);
    }
}
