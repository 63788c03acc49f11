package io.invoq.adapter.http;

import java.time.DateTimeException;
import java.util.function.Supplier;

/** The request cannot be served as sent; answered 400 with the message as the reason. */
final class BadRequestException extends RuntimeException {

    private static final int MAX_SUBJECT_LENGTH = 160;

    BadRequestException(String reason) {
        super(reason);
    }

    /**
     * Reads part of the request with {@code parser}, turning its rejection of the input into a 400
     * whose reason names the {@code subject}.
     */
    static <T> T whenInvalid(String subject, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new BadRequestException(abbreviated(subject) + ": " + e.getMessage());
        }
    }

    /** The subject, which may quote what the client sent, cut to a length a reason can carry. */
    private static String abbreviated(String subject) {
        return subject.length() <= MAX_SUBJECT_LENGTH ? subject : subject.substring(0, MAX_SUBJECT_LENGTH) + "…";
    }
}
