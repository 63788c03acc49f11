package io.invoq.app.metrics;

import io.invoq.domain.FunctionName;
import io.invoq.domain.Invocation;
import io.invoq.domain.QueueName;
import io.micrometer.core.instrument.Tags;

/**
 * The label names, the OpenFaaS queue-worker's where it has one. Every label takes few values:
 * queues, functions, status codes, outcomes, route templates; never a call id or a raw path.
 */
final class Labels {

    private static final String QUEUE = "queue_name";
    private static final String FUNCTION = "function_name";
    static final String CODE = "code";
    static final String OUTCOME = "outcome";
    static final String ROUTE = "route";
    static final String METHOD = "method";
    static final String PATH = "path";

    private Labels() {
    }

    static Tags of(QueueName queue) {
        return Tags.of(QUEUE, queue.value());
    }

    static Tags of(FunctionName function) {
        return Tags.of(FUNCTION, function.value());
    }

    static Tags of(QueueName queue, FunctionName function) {
        return Tags.of(QUEUE, queue.value(), FUNCTION, function.value());
    }

    static Tags of(Invocation invocation) {
        return of(invocation.queue(), invocation.function());
    }
}
