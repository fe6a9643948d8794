package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionProducerTest {

    record Settings(
            boolean enabled,
            String leaseName,
            Optional<String> leaseNamespace,
            Duration leaseDuration,
            Duration renewDeadline,
            Duration retryPeriod)
            implements LeaderElectionSettings {
        Settings(boolean enabled, String leaseName, Optional<String> leaseNamespace) {
            this(
                    enabled,
                    leaseName,
                    leaseNamespace,
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2));
        }
    }

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

    @Test
    void theLeaseTimingIsTheSettings() {
        var configuration = LeaderElectionProducer.configuration(new Settings(
                true,
                "lease",
                Optional.empty(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(6),
                Duration.ofMillis(1500)));
        assertThat(configuration.getLeaseDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(configuration.getRenewDeadline()).isEqualTo(Duration.ofSeconds(6));
        assertThat(configuration.getRetryPeriod()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aReplicaThatLosesTheLeaseIsToldSoThatItStopsInsteadOfReconcilingBesideTheNewLeader() {
        var configuration = LeaderElectionProducer.configuration(new Settings(true, "lease", Optional.empty()));
        // java-operator-sdk's own exit would block during a graceful stop; the producer's callback exits instead.
        assertThat(configuration.isExitOnStopLeading()).isFalse();
        assertThat(configuration.getLeaderCallbacks()).isPresent();
    }
}
