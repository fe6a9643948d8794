package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestUses.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.TlsMode;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stack whose Postgres and Redis require TLS gives each service that uses them the CA and the variables to verify. */
class UseTlsTest {
    private static final ServiceSpec API = TestStacks.withUses(
            service("api", "acme/api:1", 5000),
            TestUses.postgres("db", "shop"),
            prefixed(TestUses.redis("cache"), "CACHE_"));

    private static AppStack stackWith(TlsSpec tls) {
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("1Gi"), List.of(new DatabaseSpec("shop", null)), null, null, null, null, tls);
        StackRedis redis = new StackRedis("7.2", new Quantity("64Mi"), null, null, null, tls);
        return stack("shop", "shop", TestStacks.spec(List.of(API), postgres, redis, null, null, null, null));
    }

    private static Deployment deployment(AppStack stack) {
        return Deployments.desired(stack, stack.getSpec().services().get(0), BindingChecksums.placeholder());
    }

    @Test
    void eachUseOfADataStoreThatRequiresTlsMountsItsBindingsCaAndPointsTheClientAtIt() {
        Deployment deployment = deployment(stackWith(new TlsSpec(TlsMode.Required)));
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes())
                .extracting(v -> v.getName() + ":" + v.getSecret().getSecretName() + ":"
                        + v.getSecret().getItems().get(0).getKey())
                .containsExactly(
                        "tls-db:shop-postgres-api-db-login:ca.crt", "tls-cache:shop-redis-api-cache-login:ca.crt");
        var container = pod.getContainers().get(0);
        assertThat(container.getVolumeMounts())
                .extracting(m -> m.getMountPath() + ":" + m.getReadOnly())
                .containsExactly("/var/run/secrets/atonix.io/db:true", "/var/run/secrets/atonix.io/cache:true");
        assertThat(container.getEnv())
                .filteredOn(e -> e.getName().equals("PGSSLMODE"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sslmode"));
        assertThat(container.getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("PGSSLROOTCERT", "/var/run/secrets/atonix.io/db/ca.crt"),
                        org.assertj.core.groups.Tuple.tuple(
                                "CACHE_REDIS_CA_CERT_FILE", "/var/run/secrets/atonix.io/cache/ca.crt"));
    }

    @Test
    void withoutTlsTheDeploymentHasNoVolumesAndNoTlsVariables() {
        for (TlsSpec tls : new TlsSpec[] {null, TlsSpec.disabled()}) {
            Deployment deployment = deployment(stackWith(tls));
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getVolumes()).isNullOrEmpty();
            assertThat(pod.getContainers().get(0).getVolumeMounts()).isNullOrEmpty();
            assertThat(pod.getContainers().get(0).getEnv())
                    .extracting(EnvVar::getName)
                    .doesNotContain("PGSSLMODE", "PGSSLROOTCERT", "CACHE_REDIS_CA_CERT_FILE");
        }
    }

    @Test
    void theStacksTlsReachesItsChildPostgresAndRedis() {
        AppStack stack = stackWith(new TlsSpec(TlsMode.Required));
        assertThat(ChildPostgres.desired(stack).orElseThrow().getSpec().tlsRequired())
                .isTrue();
        assertThat(ChildRedis.desired(stack).orElseThrow().getSpec().tlsRequired())
                .isTrue();
    }
}
