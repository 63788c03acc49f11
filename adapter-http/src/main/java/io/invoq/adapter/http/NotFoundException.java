package io.invoq.adapter.http;

/** What the request addresses does not exist, e.g. a call no longer known; answered 404 with the reason. */
final class NotFoundException extends RuntimeException {

    NotFoundException(String reason) {
        super(reason);
    }
}
