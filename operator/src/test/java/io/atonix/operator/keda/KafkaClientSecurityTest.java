package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void theBindingSecretsSecurityProtocolTellsTlsAndSasl() {
        assertThat(KafkaClientSecurity.of(binding(Map.of("security-protocol", "SASL_SSL", "ca.crt", "pem"))))
                .isEqualTo(new KafkaClientSecurity(true, true, true));
        assertThat(KafkaClientSecurity.of(binding(Map.of("security-protocol", "SASL_PLAINTEXT"))))
                .isEqualTo(new KafkaClientSecurity(false, true, false));
        assertThat(KafkaClientSecurity.of(binding(Map.of("security-protocol", "SSL", "ca.crt", "pem"))))
                .isEqualTo(new KafkaClientSecurity(true, false, true));
    }

    private static Secret binding(Map<String, String> values) {
        SecretBuilder secret =
                new SecretBuilder().withNewMetadata().withName("b").endMetadata();
        values.forEach(
                (k, v) -> secret.addToData(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return secret.build();
    }
}
