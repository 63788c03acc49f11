package io.invoq.ports.out;

import java.net.URI;

/** Where invoq may send requests: to a function's URL, to a call's callback URL. */
public interface DestinationPolicy {

    /** Every URL is fine. */
    DestinationPolicy ANYWHERE = new DestinationPolicy() {
        @Override
        public void checkFunction(URI url) {
        }

        @Override
        public void checkCallback(URI url) {
        }
    };

    /** @throws DestinationRefusedException saying why invoq may not call a function there */
    void checkFunction(URI url);

    /** @throws DestinationRefusedException saying why invoq may not send a callback there */
    void checkCallback(URI url);
}
