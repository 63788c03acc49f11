package io.invoq.bench;

/** The brokers invoq is measured on, by their {@code --broker} value. */
enum Broker {
    JETSTREAM("jetstream"),
    INMEMORY("inmemory");

    private final String flag;

    Broker(String flag) {
        this.flag = flag;
    }

    String flag() {
        return flag;
    }
}
