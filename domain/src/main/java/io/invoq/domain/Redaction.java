package io.invoq.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what invoq hides in text it logs or shows: the value of any header or query
 * parameter whose name suggests a credential, and the user information of any URL, with or
 * without a scheme ({@code nats://user:password@host}, {@code user:password@host:4222}).
 */
public final class Redaction {

    public static final String MASK = "redacted";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(key|secret|token|pass|auth|bearer|cookie|session|signature|credential|private).*");
    /** User information: what ends in {@code @} after a scheme, the start of the text or a separator. */
    private static final Pattern USER_INFO = Pattern.compile("(^|://|[\\s,;\\[(=\"'])[^\\s/@,;\\[\\]()=\"']+@");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&;])([^=&#\\s]+)=([^&#\\s,\"']*)");

    private Redaction() {
    }

    /** Whether a header or parameter of this name can carry a credential. */
    public static boolean isCredentialName(String name) {
        return CREDENTIAL_NAME.matcher(name).matches();
    }

    /** A header's value as it may be shown: masked for a credential-like name, else with its URLs' credentials masked. */
    public static String headerValue(String name, String value) {
        return isCredentialName(name) ? MASK : text(value);
    }

    /** The text with the user information and credential-like query parameters of every URL in it masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        return QUERY_PARAMETER.matcher(withoutUserInfo).replaceAll(parameter -> isCredentialName(parameter.group(2))
                ? Matcher.quoteReplacement(parameter.group(1) + parameter.group(2) + "=" + MASK)
                : Matcher.quoteReplacement(parameter.group()));
    }
}
