package io.invoq.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a worker's free slots go round the functions that have calls due: one slot to each in turn,
 * starting after the function that was served first last time, so that no function is always
 * first; a function gets no more than it may start ({@link Candidate#room()}).
 */
public final class FairShare {

    private FairShare() {
    }

    /** A function with calls due, and how many more of its calls may start now. */
    public record Candidate(FunctionName function, int room) {
    }

    /**
     * @param candidates in a stable order, e.g. by name
     * @param after      the function served first last time, if any: this round starts after it
     * @return how many slots each function gets, in the order they were served; functions getting none are left out
     */
    public static Map<FunctionName, Integer> share(List<Candidate> candidates, int slots, FunctionName after) {
        int start = 0;
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).function().equals(after)) {
                start = i + 1;
            }
        }
        int[] given = new int[candidates.size()];
        Map<FunctionName, Integer> shares = new LinkedHashMap<>();
        int left = slots;
        boolean gaveAny = true;
        while (left > 0 && gaveAny) {
            gaveAny = false;
            for (int k = 0; k < candidates.size() && left > 0; k++) {
                int i = (start + k) % candidates.size();
                Candidate candidate = candidates.get(i);
                if (given[i] < candidate.room()) {
                    given[i]++;
                    left--;
                    gaveAny = true;
                    shares.merge(candidate.function(), 1, Integer::sum);
                }
            }
        }
        return shares;
    }
}
