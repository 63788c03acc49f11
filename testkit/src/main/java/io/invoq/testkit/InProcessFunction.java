package io.invoq.testkit;

/**
 * A function served by the test itself, on loopback HTTP: invoq calls it as it calls any function.
 * It may be called from several threads at once. An exception it throws answers {@code 500}.
 */
@FunctionalInterface
public interface InProcessFunction {

    FunctionResponse handle(FunctionRequest request) throws Exception;
}
