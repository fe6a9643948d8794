package io.atonix.operator.postgres;

import static io.atonix.operator.postgres.PostgresBuildersTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a Postgres says while its databases and roles are being created off the reconcile threads. */
class ProvisioningStatusTest {
    private static final PostgresStatusBuilder.Volumes NO_GROWTH = new PostgresStatusBuilder.Volumes(List.of(), null);

    @Test
    void aReadyServerWhoseRunIsUnderWayIsProgressingNeitherReadyNorDegraded() {
        PostgresStatus status =
                PostgresStatusBuilder.observed(postgres(), readyServer(), null, NO_GROWTH, Instant.EPOCH);
        assertThat(status.conditions())
                .extracting(c -> c.type() + "=" + c.status() + "/" + c.reason())
                .containsExactly(
                        "Ready=False/Provisioning",
                        "Progressing=True/Provisioning",
                        "Degraded=False/Ready",
                        "Reconciling=True/Provisioning",
                        "Stalled=False/Ready");
        assertThat(status.conditions().get(0).message()).isEqualTo("Creating databases and roles");
    }

    @Test
    void theStoredStatusTellsWhatProvisioningThisGenerationCameToWhileAnotherRunIsUnderWay() {
        Postgres postgres = postgres();
        assertThat(ProvisioningInputs.storedOutcome(postgres))
                .as("no status yet")
                .isEmpty();

        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyServer(), null, NO_GROWTH, Instant.EPOCH));
        assertThat(ProvisioningInputs.storedOutcome(postgres))
                .as("a first run under way")
                .isEmpty();

        postgres.setStatus(PostgresStatusBuilder.observed(
                postgres, readyServer(), "connection refused: db:5432", NO_GROWTH, Instant.EPOCH));
        assertThat(ProvisioningInputs.storedOutcome(postgres)).hasValue("connection refused: db:5432");

        postgres.setStatus(PostgresStatusBuilder.observed(postgres, readyServer(), "", NO_GROWTH, Instant.EPOCH));
        assertThat(ProvisioningInputs.storedOutcome(postgres)).hasValue("");

        postgres.getMetadata().setGeneration(2L);
        assertThat(ProvisioningInputs.storedOutcome(postgres)).as("a new spec").isEmpty();
    }

    @Test
    void theInputsChangeWithTheSpecTheServerAndEverySecretButNotWithTheirOrder() {
        Postgres postgres = postgres();
        var a = secret("a", "1");
        var b = secret("b", "7");
        String inputs = ProvisioningInputs.of(postgres, readyServer(), List.of(a, b));
        assertThat(ProvisioningInputs.of(postgres, readyServer(), List.of(b, a)))
                .isEqualTo(inputs);
        assertThat(ProvisioningInputs.of(postgres, readyServer(), List.of(a, secret("b", "8"))))
                .isNotEqualTo(inputs);
        StatefulSet restarted = readyServer();
        restarted.getMetadata().setResourceVersion("43");
        assertThat(ProvisioningInputs.of(postgres, restarted, List.of(a, b))).isNotEqualTo(inputs);
        postgres.getMetadata().setGeneration(2L);
        assertThat(ProvisioningInputs.of(postgres, readyServer(), List.of(a, b)))
                .isNotEqualTo(inputs);
    }

    private static Postgres postgres() {
        Postgres postgres = PostgresBuildersTest.postgres(spec("16", "20Gi", null, Map.of()));
        postgres.getMetadata().setGeneration(1L);
        return postgres;
    }

    private static io.fabric8.kubernetes.api.model.Secret secret(String name, String version) {
        return new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withResourceVersion(version)
                .endMetadata()
                .build();
    }

    private static StatefulSet readyServer() {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withUid("uid-sts")
                .withResourceVersion("42")
                .withGeneration(1L)
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReadyReplicas(1)
                .withCurrentRevision("a")
                .withUpdateRevision("a")
                .endStatus()
                .build();
    }
}
