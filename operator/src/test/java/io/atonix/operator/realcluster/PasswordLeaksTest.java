package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordLeaksTest {
    private static final String PASSWORD = "Zq7mKp2xWv9nRt4yHb6cLd8fGj3sNe5a";
    private static final PasswordLeaks SCAN = new PasswordLeaks(Map.of(PASSWORD, "the test's password"));

    @Test
    void aPasswordInsideTheBase64OfATextIsFoundWhereverItStartsInIt() {
        for (String before : List.of("", "a", "ab", "postgresql://shop:", "redis://writer-cache:")) {
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(
                        (before + PASSWORD + "@host:5432/orders").getBytes(StandardCharsets.UTF_8));
                assertThat(PasswordForms.of(PASSWORD).keySet())
                        .as("offset %d", before.length())
                        .anyMatch(encoded::contains);
            }
        }
    }

    @Test
    void formsThatNeedNoEncodingAreTheRawPasswordAndOthersAreEncoded() {
        assertThat(PasswordForms.of(PASSWORD)).containsEntry(PASSWORD, "raw");
        assertThat(PasswordForms.of("a/b+c=d&e f"))
                .containsEntry("a%2Fb%2Bc%3Dd%26e+f", "URL-encoded")
                .containsEntry("a%2Fb%2Bc%3Dd%26e%20f", "percent-encoded")
                .containsEntry("a%2fb%2bc%3dd%26e%20f", "percent-encoded");
    }

    @Test
    void aLeakNamesTheObjectTheJsonPathAndTheForm() throws Exception {
        var json = new ObjectMapper()
                .readTree("{\"metadata\":{\"annotations\":{\"x.io/url\":\"u:" + PASSWORD + "@h\"}},"
                        + "\"data\":{\"a\":[\""
                        + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))
                        + "\"]}}");
        assertThat(SCAN.in(List.of(new ServedObjects.Found("ConfigMap ns/c", json))))
                .extracting(PasswordLeaks.Leak::toString)
                .containsExactly(
                        "ConfigMap ns/c at .metadata.annotations[\"x.io/url\"]: the test's password, raw",
                        "ConfigMap ns/c at .data.a[0]: the test's password, base64");
    }

    @Test
    void aLeakInALogNamesItsLine(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("operator.log"), "start\nwith " + PASSWORD + "\nend\n");
        assertThat(SCAN.inLog(log)).extracting(PasswordLeaks.Leak::where).containsExactly("operator.log line 2");
    }

    @Test
    void passwordsAreTakenFromPasswordKeysUriUserInformationAndJaasConfigurations() {
        assertThat(GeneratedPasswords.in("password", PASSWORD + "\n")).containsExactly(PASSWORD);
        assertThat(GeneratedPasswords.in("uri", "postgresql://writer-db:" + PASSWORD + "%2F@host:5432/orders"))
                .containsExactly(PASSWORD + "/");
        assertThat(GeneratedPasswords.in(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\""
                                + PASSWORD + "\";"))
                .containsExactly(PASSWORD);
        assertThat(GeneratedPasswords.in("username", "writer-db")).isEmpty();
    }
}
