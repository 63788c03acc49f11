package io.invoq.adapter.http;

import java.util.Objects;

/**
 * Where invoq may send requests (server-side request forgery): checked when a function is registered
 * or a call submitted, and again against the resolved address when invoq connects.
 *
 * @param profile       which addresses are refused unless allowed by address
 * @param functionAllow function URLs (registered, or made from {@code upstream_url}) may only go there, when not empty
 * @param callbackAllow callback URLs may only go there, when not empty
 */
public record OutboundSettings(OutboundProfile profile, AllowList functionAllow, AllowList callbackAllow) {

    public static final OutboundSettings DEFAULT =
            new OutboundSettings(OutboundProfile.STANDARD, AllowList.ANYWHERE, AllowList.ANYWHERE);

    public OutboundSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(functionAllow, "functionAllow");
        Objects.requireNonNull(callbackAllow, "callbackAllow");
    }
}
