package io.invoq.ports.in;

import io.invoq.domain.FunctionName;

/** The function is not registered. */
public class UnknownFunctionException extends RuntimeException {

    public UnknownFunctionException(FunctionName function) {
        super("function '" + function + "' is not registered");
    }
}
