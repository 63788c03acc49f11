package io.invoq.app;

import java.util.Arrays;

/** {@code java -jar invoq.jar [--kebab-case-flag=value ...]}; see {@code --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        AsyncPool.widen();
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(Usage.text());
            return;
        }
        InvoqConfig config;
        try {
            config = InvoqConfig.load(args, System.getenv());
        } catch (ConfigurationException e) {
            System.err.println("invoq: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogSetup.apply(config.logEncoding(), config.debug());
        RunningInvoq invoq;
        try {
            invoq = RunningInvoq.start(config);
        } catch (ConfigurationException e) {
            System.err.println("invoq: " + e.getMessage());
            System.exit(2);
            return;
        }
        TerminationSignals.onTermination(invoq::shutdown);
        invoq.awaitShutdown();
        System.exit(0);
    }
}
