package io.invoq.bench;

/** How a figure compares with its target. */
enum Verdict {
    PASS, FAIL, INFO;

    static Verdict of(boolean met) {
        return met ? PASS : FAIL;
    }
}
