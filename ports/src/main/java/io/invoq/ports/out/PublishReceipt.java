package io.invoq.ports.out;

/** The broker's confirmation of a publish; {@code duplicate} when it already held the call id. */
public record PublishReceipt(boolean duplicate) {
}
