package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class ArchiveRulesTest {
    private static final String STORE =
            "{ endpoint: \"https://s3.example.com\", bucket: pg-archive, credentials: { secretName: s3 } }";

    @Test
    void backupsGoToAVolumeOrAnObjectStoreNeverBothNorNeither() {
        String both = "backup: { schedule: \"0 3 * * *\", volume: { size: 1Gi }, objectStore: " + STORE + " }";
        String neither = "backup: { schedule: \"0 3 * * *\" }";
        for (String backup : new String[] {both, neither}) {
            assertThat(PostgresValidator.problems(postgres("shop-db", backup)))
                    .containsExactly(
                            new SpecProblem("spec.backup", "backups go to exactly one of volume and objectStore"));
        }
        assertThat(PostgresValidator.problems(
                        postgres("shop-db", "backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }")))
                .isEmpty();
    }

    @Test
    void aRecoveryUnderItsSourcesNameIsRefusedToArchiveIntoTheArchiveItRecoversFrom() {
        String recovery = "bootstrap: { recovery: { source: shop-db, objectStore: " + STORE + " } }\n  "
                + "backup: { schedule: \"0 3 * * *\", objectStore: " + STORE + " }";
        assertThat(PostgresValidator.problems(postgres("shop-db", recovery)))
                .containsExactly(new SpecProblem(
                        "spec.backup.objectStore",
                        "would archive into the archive it recovers from (https://s3.example.com"
                                + " s3://pg-archive/shop/shop-db): give the new Postgres another name, or its"
                                + " archive another path"));
        assertThat(PostgresValidator.problems(postgres("shop-db-restored", recovery)))
                .as("another name: its own archive beside the source's")
                .isEmpty();
    }

    @Test
    void aRecoveryTargetThatIsNotAnRfc3339TimeIsRefusedNamingTheField() {
        String recovery = "bootstrap: { recovery: { source: old-db, targetTime: \"yesterday 9:30\", objectStore: "
                + STORE + " } }";
        assertThat(PostgresValidator.problems(postgres("shop-db", recovery)))
                .containsExactly(new SpecProblem(
                        "spec.bootstrap.recovery.targetTime",
                        "'yesterday 9:30' is not an RFC 3339 time with an offset, such as 2026-12-01T09:30:00Z"));
    }

    private static Postgres postgres(String name, String fields) {
        return Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: %s, namespace: shop }
                spec:
                  version: "15"
                  storage: { size: 1Gi }
                  %s
                """.formatted(name, fields), Postgres.class);
    }
}
