package io.invoq.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Case-insensitive, immutable, multi-valued HTTP headers. */
public record Headers(Map<String, List<String>> values) {

    public static final Headers EMPTY = new Headers(Map.of());

    public Headers {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, list) -> copy.merge(name, List.copyOf(list), Headers::concat));
        values = Collections.unmodifiableMap(copy);
    }

    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.merge(namesAndValues[i], List.of(namesAndValues[i + 1]), Headers::concat);
        }
        return new Headers(map);
    }

    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** A copy without the named headers. */
    public Headers without(String... names) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(values);
        for (String name : names) {
            map.remove(name);
        }
        return new Headers(map);
    }

    /** A copy with the named header set to one value, replacing what was there. */
    public Headers with(String name, String value) {
        return with(Map.of(name, value));
    }

    /** A copy with each of the named headers set to one value, replacing what was there. */
    public Headers with(Map<String, String> replacements) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(values);
        replacements.forEach((name, value) -> map.put(name, List.of(value)));
        return new Headers(map);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
