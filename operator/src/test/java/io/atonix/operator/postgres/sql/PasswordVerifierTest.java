package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordVerifierTest {

    @Test
    void aPasswordReachesTheServerOnlyAsAScramVerifier() {
        Password password = Password.of("correct horse battery staple");

        String verifier = PasswordVerifier.scramSha256(password);

        assertThat(verifier)
                .matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")
                .doesNotContain("horse");
        assertThat(PasswordVerifier.scramSha256(password))
                .as("a fresh salt each time")
                .isNotEqualTo(verifier);
    }
}
