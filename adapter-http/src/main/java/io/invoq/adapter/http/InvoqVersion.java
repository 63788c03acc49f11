package io.invoq.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** invoq's release and the commit it was built from, as the build wrote them into {@value #RESOURCE}. */
record InvoqVersion(String release, String sha) {

    static final String RESOURCE = "invoq-version.properties";

    static InvoqVersion ofThisBuild() {
        Properties properties = new Properties();
        try (InputStream in = InvoqVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new InvoqVersion(properties.getProperty("release", "dev"), properties.getProperty("sha", ""));
    }
}
