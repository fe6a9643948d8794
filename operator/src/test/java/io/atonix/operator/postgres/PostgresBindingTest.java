package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.Binding;
import io.atonix.api.v1beta1.common.BindingSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Application roles: their binding Secrets and their place in the provisioning plan. */
class PostgresBindingTest {

    private static Postgres postgres() {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop-postgres")
                .withNamespace("shop")
                .withUid("u")
                .build());
        postgres.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", List.of())),
                List.of(new RoleSpec("api", "shop", Access.ReadWrite), new RoleSpec("report", "shop", Access.ReadOnly)),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        return postgres;
    }

    @Test
    void aLoginSecretHoldsTheServiceBindingKeys() {
        Secret secret =
                PostgresSecrets.login(postgres(), postgres().getSpec().roles().get(0), () -> "pw");
        assertThat(secret.getMetadata().getName()).isEqualTo("shop-postgres-api-login");
        assertThat(secret.getType()).isEqualTo("servicebinding.io/postgresql");
        assertThat(secret.getStringData())
                .containsEntry("type", "postgresql")
                .containsEntry("provider", "atonix")
                .containsEntry("host", "shop-postgres.shop.svc")
                .containsEntry("port", "5432")
                .containsEntry("database", "shop")
                .containsEntry("username", "api")
                .containsEntry("password", "pw")
                .containsEntry("uri", "postgresql://api:pw@shop-postgres.shop.svc:5432/shop")
                .containsEntry("jdbc-url", "jdbc:postgresql://shop-postgres.shop.svc:5432/shop");
        assertThat(PostgresSecrets.all(postgres(), () -> "x"))
                .containsKeys("shop-postgres-api-login", "shop-postgres-report-login");
    }

    @Test
    void thePlanGivesEachRoleItsAccessWithThePasswordOfItsSecret() {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        PostgresSecrets.all(postgres(), () -> "unused")
                .forEach((name, secret) -> secrets.put(name, stored(secret, name + "-password")));
        var plan = PostgresProvisioning.plan(postgres(), secrets).orElseThrow();
        assertThat(plan.services())
                .extracting(l -> l.role() + ":" + l.database() + ":" + l.access())
                .containsExactly("api:shop:ReadWrite", "report:shop:ReadOnly");
        assertThat(plan.databases())
                .extracting(d -> d.name() + ":" + d.owner().role())
                .containsExactly("shop:shop_owner");

        secrets.remove("shop-postgres-report-login");
        assertThat(PostgresProvisioning.plan(postgres(), secrets))
                .as("waits for every Secret")
                .isEmpty();
    }

    @Test
    void aRoleOfAnUndeclaredDatabaseIsRefused() {
        Postgres postgres = postgres();
        postgres.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(),
                List.of(new RoleSpec("api", "shop", null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        assertThat(PostgresValidator.problems(postgres))
                .containsExactly(
                        new SpecProblem(
                                "spec.roles", "a role connects to a database that spec.databases does not declare"),
                        new SpecProblem("spec.roles[0].database", "database 'shop' is not declared in spec.databases"));
    }

    @Test
    void aNameTooLongForTheBackupCronJobIsRefused() {
        Postgres postgres = postgres();
        postgres.getMetadata().setName("p".repeat(Postgres.MAX_NAME + 1));
        assertThat(PostgresValidator.problems(postgres))
                .contains(
                        new SpecProblem(
                                "metadata.name",
                                "the name of a Postgres is at most 44 characters, so that its backup CronJob <name>-backups stays within the 52 Kubernetes allows"));
        postgres.getMetadata().setName("p".repeat(Postgres.MAX_NAME));
        assertThat(PostgresValidator.problems(postgres))
                .extracting(SpecProblem::field)
                .doesNotContain("metadata.name");
    }

    @Test
    void statusBindingOffersOnlyTheLoginTheSpecChooses() {
        Postgres postgres = postgres();
        assertThat(PostgresStatusBuilder.observed(
                                postgres, null, null, PostgresStatusBuilder.Volumes.STEADY, Instant.now())
                        .binding())
                .as("no spec.binding: no binding, never the owner of the first database")
                .isNull();
        postgres.setSpec(withBinding(postgres.getSpec(), "report"));
        assertThat(PostgresValidator.problems(postgres)).isEmpty();
        assertThat(PostgresStatusBuilder.observed(
                                postgres, null, null, PostgresStatusBuilder.Volumes.STEADY, Instant.now())
                        .binding())
                .isEqualTo(new Binding("shop-postgres-report-login"));
        postgres.setSpec(withBinding(postgres.getSpec(), "postgres"));
        assertThat(PostgresValidator.problems(postgres))
                .containsExactly(new SpecProblem(
                        "spec.binding.login", "'postgres': the binding's login must be a role of spec.roles"));
    }

    private static PostgresSpec withBinding(PostgresSpec spec, String login) {
        return new PostgresSpec(
                spec.version(),
                spec.instances(),
                spec.storage(),
                spec.databases(),
                spec.roles(),
                spec.parameters(),
                spec.resources(),
                spec.backup(),
                spec.deletionPolicy(),
                spec.monitoring(),
                new BindingSpec(login),
                null);
    }

    /** As the API server stores it: base64 data instead of stringData. */
    private static Secret stored(Secret secret, String password) {
        return new SecretBuilder(secret)
                .withStringData(null)
                .addToData("password", Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
