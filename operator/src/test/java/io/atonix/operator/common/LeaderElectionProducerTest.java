package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionProducerTest {

    private record Settings(boolean enabled, String leaseName, Optional<String> leaseNamespace)
            implements LeaderElectionSettings {}

    @Test
    void offMeansNoConfigurationSoTheOperatorReconcilesAlone() {
        assertThat(LeaderElectionProducer.configuration(new Settings(false, "atonix-operator", Optional.of("ops"))))
                .isNull();
    }

    @Test
    void onNamesTheLeaseAndItsNamespace() {
        var configuration =
                LeaderElectionProducer.configuration(new Settings(true, "atonix-operator", Optional.of("ops")));
        assertThat(configuration.getLeaseName()).isEqualTo("atonix-operator");
        assertThat(configuration.getLeaseNamespace()).contains("ops");
    }

    @Test
    void withoutANamespaceTheClientsNamespaceIsUsed() {
        var configuration = LeaderElectionProducer.configuration(new Settings(true, "lease", Optional.empty()));
        assertThat(configuration.getLeaseNamespace()).isEmpty();
    }
}
