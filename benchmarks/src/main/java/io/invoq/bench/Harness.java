package io.invoq.bench;

import java.util.List;

/** The benchmark's own side of every invoq run: the functions and the callback receiver. */
record Harness(CallLedgers ledgers, FunctionServer functions, CallbackReceiver callbacks) implements AutoCloseable {

    static Harness start() {
        CallLedgers ledgers = new CallLedgers();
        return new Harness(ledgers,
                new FunctionServer(ledgers, List.of(SimulatedFunction.NO_OP, SimulatedFunction.TEN_MS)),
                new CallbackReceiver(ledgers));
    }

    @Override
    public void close() {
        functions.close();
        callbacks.close();
    }
}
