package io.invoq.bench;

/** One row of a broker's table, formatted for reading; the numbers behind it are in {@link InvoqResult}. */
record Figure(String name, String value, String baseline, String ratio, String target, Verdict verdict) {

    static Figure info(String name, String value, String baseline, String ratio) {
        return new Figure(name, value, baseline, ratio, "", Verdict.INFO);
    }
}
