package io.invoq.adapter.jetstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the codecs' JSON objects, written and read with Jackson's streaming API, and the
 * one {@link JsonFactory} the codecs share. A reader takes the value at the parser's current
 * token; JSON {@code null} reads as absent, as with databind, and a value of another JSON type
 * fails with a {@link JsonParseException} that names the expected type, never the content.
 */
final class JsonFields {

    /**
     * Parse errors do not quote the input; a generator leaves its target open, to take the body after
     * the JSON. Buffers are pooled across threads: the default pool is per thread, and the common
     * pool's threads, which encode most records, clear their thread-locals after each task, so every
     * record cost fresh buffers of some 17 KiB.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build();

    private JsonFields() {
    }

    static void writeString(JsonGenerator json, SerializedString field, String value) throws IOException {
        json.writeFieldName(field);
        json.writeString(value);
    }

    static void writeNumber(JsonGenerator json, SerializedString field, long value) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(value);
    }

    /** Takes one field's value, at the parser's current token. */
    @FunctionalInterface
    interface FieldReader {
        void read(String field) throws IOException;
    }

    /**
     * Hands each field of the leading top-level object to {@code fields}, which reads the value or
     * skips it ({@link JsonParser#skipChildren()}); what follows the object is not read.
     */
    static void readObject(JsonParser json, FieldReader fields) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw wrongType(json, "an object");
        }
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            json.nextToken();
            fields.read(field);
        }
    }

    static String readString(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        return nullOr(json, "a string");
    }

    /** @throws IOException also when the number does not fit an {@code int} */
    static Integer readInt(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return json.getIntValue();
        }
        return nullOr(json, "an integer");
    }

    /** @throws IOException also when the number does not fit a {@code long} */
    static Long readLong(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return json.getLongValue();
        }
        return nullOr(json, "an integer");
    }

    /** A base64 string (RFC 4648, padded), as databind writes a {@code byte[]}. */
    static byte[] readBase64(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            return json.getBinaryValue();
        }
        return nullOr(json, "a base64 string");
    }

    /** An object of arrays of strings, e.g. {@code {"Accept":["a","b"]}}, in the order of its names. */
    static Map<String, List<String>> readStringArrays(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            return nullOr(json, "an object of string arrays");
        }
        Map<String, List<String>> arrays = new LinkedHashMap<>();
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            json.nextToken();
            arrays.put(name, readStrings(json));
        }
        return arrays;
    }

    private static List<String> readStrings(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            return nullOr(json, "an array of strings");
        }
        List<String> strings = new ArrayList<>(2);
        while (json.nextToken() != JsonToken.END_ARRAY) {
            strings.add(readString(json));
        }
        return strings;
    }

    private static <T> T nullOr(JsonParser json, String expected) throws JsonParseException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(json, expected);
    }

    private static JsonParseException wrongType(JsonParser json, String expected) {
        return new JsonParseException(json, "expected " + expected + ", found " + json.currentToken());
    }
}
