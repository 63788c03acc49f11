package io.invoq.adapter.http;

import java.nio.file.Path;

/**
 * The one user name and password of OpenFaaS basic auth, read from the files {@value #USER_FILE} and
 * {@value #PASSWORD_FILE} of a directory as the OpenFaaS gateway reads them (surrounding white space
 * dropped). Held as digests, compared in constant time, never printed.
 */
public final class BasicAuth {

    public static final String USER_FILE = "basic-auth-user";
    public static final String PASSWORD_FILE = "basic-auth-password";

    private final Secret user;
    private final Secret password;

    private BasicAuth(Secret user, Secret password) {
        this.user = user;
        this.password = password;
    }

    /** @throws IllegalArgumentException naming a file that is missing, unreadable or empty */
    public static BasicAuth readFrom(Path directory) {
        return new BasicAuth(new Secret(SecretFiles.firstLine(directory.resolve(USER_FILE))),
                new Secret(SecretFiles.firstLine(directory.resolve(PASSWORD_FILE))));
    }

    /** Both are compared, whatever the first says, so that the time taken tells nothing. */
    boolean matches(String candidateUser, String candidatePassword) {
        boolean userMatches = user.matches(candidateUser);
        boolean passwordMatches = password.matches(candidatePassword);
        return userMatches & passwordMatches;
    }

    @Override
    public String toString() {
        return "BasicAuth[redacted]";
    }
}
