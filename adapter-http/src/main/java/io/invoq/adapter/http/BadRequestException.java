package io.invoq.adapter.http;

import java.time.DateTimeException;
import java.util.function.Supplier;

/** The request cannot be served as sent; answered 400 with the message as the reason. */
final class BadRequestException extends RuntimeException {

    private static final int MAX_SUBJECT_LENGTH = 160;
    /** Longer than any explanation invoq writes, so that only a message quoting the client's input is cut. */
    private static final int MAX_EXPLANATION_LENGTH = 400;

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
            throw new BadRequestException(abbreviated(subject, MAX_SUBJECT_LENGTH) + ": "
                    + abbreviated(String.valueOf(e.getMessage()), MAX_EXPLANATION_LENGTH));
        }
    }

    /** The text, which may quote what the client sent, cut to a length a reason can carry, never inside a character. */
    static String abbreviated(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end) + "…";
    }
}
