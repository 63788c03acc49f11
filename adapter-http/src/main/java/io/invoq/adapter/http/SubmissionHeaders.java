package io.invoq.adapter.http;

import io.invoq.domain.CallId;
import io.invoq.domain.DurationText;
import io.invoq.domain.FunctionName;
import io.invoq.domain.Headers;
import io.invoq.ports.in.SubmitInvocationCommand.After;
import io.invoq.ports.in.SubmitInvocationCommand.DeferredStart;
import io.invoq.ports.in.SubmitInvocationCommand.NotBefore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The request headers that steer a submission, read and checked; anything unreadable is a 400. */
final class SubmissionHeaders {

    static final String CALL_ID = "X-Call-Id";
    static final String START_TIME = "X-Start-Time";
    static final String CALLBACK_URL = "X-Callback-Url";
    static final String DELAY = "X-Delay";
    static final String NOT_BEFORE = "X-Not-Before";
    /** What a callback names the function whose call it reports; a submission with it is a step of a chain. */
    static final String FUNCTION_NAME = "X-Function-Name";

    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toFormatter();

    private final Headers headers;

    SubmissionHeaders(Headers headers) {
        this.headers = headers;
    }

    Optional<CallId> callId() {
        return read(CALL_ID, CallId::new);
    }

    /** The function whose callback this submission is; a value that names no function is no callback of ours. */
    Optional<FunctionName> callbackOf() {
        return headers.first(FUNCTION_NAME).map(String::trim).filter(FunctionName::isValid).map(FunctionName::new);
    }

    /** Only parsed here; whether it is an acceptable callback URL is the command's rule. */
    Optional<URI> callbackUrl() {
        return read(CALLBACK_URL, URI::create);
    }

    /** @throws BadRequestException when both headers are sent, or the start is more than {@code maxDelay} after {@code now} */
    Optional<DeferredStart> start(Duration maxDelay, Instant now) {
        if (headers.contains(DELAY) && headers.contains(NOT_BEFORE)) {
            throw new BadRequestException("send " + DELAY + " or " + NOT_BEFORE + ", not both");
        }
        Optional<DeferredStart> start = headers.contains(DELAY)
                ? read(DELAY, text -> new After(DurationText.parse(text)))
                : read(NOT_BEFORE, text -> new NotBefore(instant(text)));
        if (start.isPresent() && start.get().delayFrom(now).compareTo(maxDelay) > 0) {
            throw new BadRequestException("the start may be deferred by at most " + DurationText.format(maxDelay));
        }
        return start;
    }

    private <T> Optional<T> read(String name, Function<String, T> parser) {
        return headers.first(name).map(text -> BadRequestException.whenInvalid(
                name + " '" + text + "'", () -> parser.apply(text.trim())));
    }

    private static Instant instant(String text) {
        if (EPOCH_SECONDS.matcher(text).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("use an RFC 3339 time (2030-01-02T15:04:05Z) or epoch seconds", e);
        }
    }
}
