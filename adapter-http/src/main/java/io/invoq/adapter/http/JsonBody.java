package io.invoq.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON request and response bodies. */
final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** @throws BadRequestException when the bytes are not a JSON object of the expected shape */
    static <T> T read(byte[] body, Class<T> type) throws IOException {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (MismatchedInputException e) {
            throw new BadRequestException(e.getPath().isEmpty() ? "the body is not valid JSON: expected one object"
                    : "field '" + fieldPath(e) + "' must be " + kindOf(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // the parser's own words, without its location and the source it quotes
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("").replaceAll("\\s*\\(code \\d+\\)", ""));
        }
        if (value == null) {
            throw new BadRequestException("the body must be a JSON object, not null");
        }
        return value;
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** What a JSON value of {@code type} looks like, in words rather than Java names. */
    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object" + (Map.class.isAssignableFrom(type) ? " of strings" : "");
    }

    static void write(Context ctx, int status, Object value) throws JsonProcessingException {
        ctx.status(status).contentType(ContentType.APPLICATION_JSON).result(MAPPER.writeValueAsBytes(value));
    }
}
