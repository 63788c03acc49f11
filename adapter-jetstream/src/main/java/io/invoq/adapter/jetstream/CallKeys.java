package io.invoq.adapter.jetstream;

import io.invoq.domain.CallId;

/**
 * Call ids as key-value keys. A key may not contain {@code :}, nor dots that leave an empty token,
 * so both are escaped; {@code =} occurs in no call id, which keeps the escaping unambiguous.
 */
final class CallKeys {

    private CallKeys() {
    }

    static String of(CallId call) {
        return call.value().replace(".", "=2E").replace(":", "=3A");
    }
}
