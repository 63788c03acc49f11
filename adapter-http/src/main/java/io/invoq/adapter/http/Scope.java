package io.invoq.adapter.http;

import java.util.Locale;

/** What a bearer token may do; {@link #ADMIN} may do everything. */
enum Scope {
    /** Submit calls and call functions: {@code /async-function/...}, {@code /function/...}. */
    SUBMIT,
    /** Read the admin routes: {@code GET /system/...}, and {@code /metrics} when it is protected. */
    READ,
    /** Change anything: register functions, cancel, purge, replay, and all the rest. */
    ADMIN;

    static Scope parse(String text) {
        for (Scope scope : values()) {
            if (scope.name().equalsIgnoreCase(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is no scope (submit, read or admin)");
    }

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
