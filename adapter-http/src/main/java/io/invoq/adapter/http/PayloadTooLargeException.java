package io.invoq.adapter.http;

/** The request body is larger than the gateway accepts; answered 413. */
final class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
