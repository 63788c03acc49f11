package io.invoq.adapter.http;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** The outbound side as the app gets it from the module. */
final class Outbound {

    private Outbound() {
    }

    static Injector wiredWith(ClientSettings settings) {
        return wiredWith(settings, SecuritySettings.DEFAULT);
    }

    static Injector wiredWith(ClientSettings settings, SecuritySettings security) {
        return Guice.createInjector(
                new HttpAdapterModule(RunningGateway.DEFAULTS_ON_A_FREE_PORT, settings, security), new UseCaseDoubles());
    }
}
