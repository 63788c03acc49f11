package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTlsTest {

    private static final String PASSWORD = "test-store-password";

    @TempDir
    Path dir;

    @Test
    void with_a_key_store_the_gateway_answers_over_https_to_a_client_trusting_its_certificate() throws Exception {
        Path keyStore = selfSignedKeyStore();
        TlsSettings tls = TlsSettings.of(keyStore, PASSWORD);

        try (RunningGateway gateway = new RunningGateway(RunningGateway.DEFAULTS_ON_A_FREE_PORT,
                SecuritySettings.DEFAULT.with(tls))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(tls.keyStore().orElseThrow())).build();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + gateway.port() + "/healthz")).build(), BodyHandlers.ofString());
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(
                            URI.create("https://localhost:" + gateway.port() + "/async-function/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(submitted.statusCode()).isEqualTo(202);
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + gateway.port() + "/healthz")).build(), BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate").isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_file_that_is_not_a_key_store_or_a_wrong_password_is_refused_without_showing_the_password() throws Exception {
        Path notAKeyStore = Files.writeString(dir.resolve("not-a-store.p12"), "hello");
        Path keyStore = selfSignedKeyStore();

        assertThatThrownBy(() -> TlsSettings.of(notAKeyStore, PASSWORD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsSettings.of(keyStore, "wrong-password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("wrong-password");
    }

    /** A PKCS12 key store with a self-signed certificate for localhost, made by the JDK's keytool. */
    private Path selfSignedKeyStore() throws IOException, InterruptedException {
        Path keyStore = dir.resolve("gateway.p12");
        Files.deleteIfExists(keyStore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "invoq", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return keyStore;
    }

    private static SSLContext trusting(KeyStore keyStore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("invoq", keyStore.getCertificate("invoq"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
