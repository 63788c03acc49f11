package io.invoq.ports.in;

import io.invoq.domain.FunctionName;

/** The function is registered in a way invoq cannot call it until it is registered again. */
public class FunctionNotCallableException extends RuntimeException {

    public FunctionNotCallableException(FunctionName function, String reason) {
        super("function '" + function + "' cannot be called: " + reason + "; register it again");
    }
}
