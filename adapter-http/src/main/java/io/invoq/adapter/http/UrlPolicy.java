package io.invoq.adapter.http;

import io.invoq.ports.out.DestinationPolicy;
import io.invoq.ports.out.DestinationRefusedException;
import java.net.URI;

/** The outbound settings applied to function URLs and callback URLs. */
final class UrlPolicy implements DestinationPolicy {

    static final String FUNCTION_ALLOW_KEY = "function_url_allow";
    static final String CALLBACK_ALLOW_KEY = "callback_allow";

    private final OutboundRules functions;
    private final OutboundRules callbacks;

    UrlPolicy(OutboundSettings settings) {
        this.functions = new OutboundRules(FUNCTION_ALLOW_KEY, settings.functionAllow(), settings.profile());
        this.callbacks = new OutboundRules(CALLBACK_ALLOW_KEY, settings.callbackAllow(), settings.profile());
    }

    OutboundRules functions() {
        return functions;
    }

    OutboundRules callbacks() {
        return callbacks;
    }

    @Override
    public void checkFunction(URI url) {
        functions.refusal(url).ifPresent(reason -> {
            throw new DestinationRefusedException("function URL refused: " + reason);
        });
    }

    @Override
    public void checkCallback(URI url) {
        callbacks.refusal(url).ifPresent(reason -> {
            throw new DestinationRefusedException(SubmissionHeaders.CALLBACK_URL + " refused: " + reason);
        });
    }
}
