package io.invoq.adapter.jetstream;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Server URLs, and messages that quote them, as they may be logged: without the user, password or
 * token a URL may carry ({@code nats://user:password@host}).
 */
final class LoggableUrls {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");
    private static final String MASK = "***@";

    private LoggableUrls() {
    }

    static String of(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll(MASK);
    }

    static String of(List<String> urls) {
        return of(urls.toString());
    }
}
