package io.invoq.domain;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Case-insensitive, immutable, multi-valued HTTP headers. */
public record Headers(Map<String, List<String>> values) {

    public static final Headers EMPTY = new Headers(Map.of());

    /** Copies {@code values}, unless they are another instance's, which no one can change. */
    public Headers {
        values = values instanceof Canonical canonical ? canonical : Canonical.copyOf(values);
    }

    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.merge(namesAndValues[i], List.of(namesAndValues[i + 1]), Headers::concat);
        }
        return new Headers(new Canonical(map));
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
        return edited(map -> {
            for (String name : names) {
                map.remove(name);
            }
        });
    }

    /** A copy with the named header set to one value, replacing what was there. */
    public Headers with(String name, String value) {
        return with(Map.of(name, value));
    }

    /** A copy with each of the named headers set to one value, replacing what was there. */
    public Headers with(Map<String, String> replacements) {
        return edited(map -> replacements.forEach((name, value) -> map.put(name, List.of(value))));
    }

    /** A copy of these headers as {@code edit} changes them, which may only put immutable lists. */
    private Headers edited(Consumer<TreeMap<String, List<String>>> edit) {
        TreeMap<String, List<String>> map = ((Canonical) values).editableCopy();
        edit.accept(map);
        return new Headers(new Canonical(map));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * The values of one instance: names in case-insensitive order, each with an immutable list, in a
     * map no one else holds, so that a copy with a header more or less is copied once, not twice.
     */
    private static final class Canonical extends AbstractMap<String, List<String>> {

        private final TreeMap<String, List<String>> byName;
        private final Map<String, List<String>> readOnly;

        /** @param byName case-insensitive, with immutable lists, held by no one else */
        private Canonical(TreeMap<String, List<String>> byName) {
            this.byName = byName;
            this.readOnly = Collections.unmodifiableMap(byName);
        }

        static Canonical copyOf(Map<String, List<String>> values) {
            TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach((name, list) -> byName.merge(name, List.copyOf(list), Headers::concat));
            return new Canonical(byName);
        }

        TreeMap<String, List<String>> editableCopy() {
            return new TreeMap<>(byName);
        }

        @Override
        public List<String> get(Object name) {
            return byName.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return byName.containsKey(name);
        }

        @Override
        public int size() {
            return byName.size();
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return readOnly.entrySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super List<String>> action) {
            byName.forEach(action);
        }
    }
}
