package io.invoq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** The fairness results of one broker with its scaling modes side by side, static first. */
record FairnessComparison(Broker broker, Optional<FairnessResult> staticMode, Optional<FairnessResult> functionMode) {

    static final String STATIC = "static";
    static final String FUNCTION = "function";
    /** The scaling modes the phase runs, in the order they are run and shown. */
    static final List<String> MODES = List.of(STATIC, FUNCTION);
    private static final String MISSING = "–";

    /** One comparison per broker, in the order the brokers were first measured. */
    static List<FairnessComparison> of(List<FairnessResult> results) {
        Map<Broker, List<FairnessResult>> byBroker = new LinkedHashMap<>();
        results.forEach(result -> byBroker.computeIfAbsent(result.broker(), broker -> new ArrayList<>()).add(result));
        return byBroker.entrySet().stream()
                .map(broker -> new FairnessComparison(broker.getKey(), inMode(broker.getValue(), STATIC),
                        inMode(broker.getValue(), FUNCTION)))
                .toList();
    }

    /** The figure in static mode, then in function mode; a dash where the mode was not run. */
    List<String> sideBySide(Function<FairnessResult, String> figure) {
        return Stream.of(staticMode, functionMode).map(result -> result.map(figure).orElse(MISSING)).toList();
    }

    /** The figure summed over both modes. */
    long total(ToLongFunction<FairnessResult> figure) {
        return Stream.of(staticMode, functionMode).flatMap(Optional::stream).mapToLong(figure).sum();
    }

    private static Optional<FairnessResult> inMode(List<FairnessResult> results, String mode) {
        return results.stream().filter(result -> result.scalingMode().equals(mode)).findFirst();
    }
}
