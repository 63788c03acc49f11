package io.invoq.app;

import java.util.regex.Pattern;

/** Hides what can carry a credential in text that is shown or logged. */
final class Redaction {

    /** The user information of a URL ({@code scheme://user:password@host}), wherever one appears in the text. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

    private Redaction() {
    }

    static String urlCredentials(String text) {
        return URL_CREDENTIALS.matcher(text).replaceAll("***@");
    }
}
