package io.invoq.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;

/** JSON request and response bodies. */
final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonBody() {
    }

    /** @throws BadRequestException when the bytes are not a JSON object of the expected shape */
    static <T> T read(byte[] body, Class<T> type) throws IOException {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw new BadRequestException("the body must be a JSON object, not null");
        }
        return value;
    }

    static void write(Context ctx, int status, Object value) throws JsonProcessingException {
        ctx.status(status).contentType(ContentType.APPLICATION_JSON).result(MAPPER.writeValueAsBytes(value));
    }
}
