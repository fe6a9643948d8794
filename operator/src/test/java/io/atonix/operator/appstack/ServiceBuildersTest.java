package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.HostTls;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.EnvVarSource;
import io.atonix.api.v1beta1.common.ExecAction;
import io.atonix.api.v1beta1.common.FieldReference;
import io.atonix.api.v1beta1.common.HttpGetAction;
import io.atonix.api.v1beta1.common.KeyReference;
import io.atonix.api.v1beta1.common.Probe;
import io.atonix.api.v1beta1.common.Probes;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.common.SecretName;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every field of a service's spec reaches the object it belongs in. */
class ServiceBuildersTest {

    private static final ServiceSpec FULL = new ServiceSpec(
            "api",
            "ghcr.io/acme/api:2.0.1",
            ServiceSpec.ImagePullPolicy.IfNotPresent,
            null,
            5000,
            List.of(new ServicePort("grpc", 9090, ServicePort.Protocol.TCP)),
            List.of("/bin/api"),
            List.of("--verbose"),
            List.of(
                    new EnvVar("MODE", "prod", null),
                    new EnvVar("TOKEN", null, new EnvVarSource(new KeyReference("tokens", "api", true), null, null)),
                    new EnvVar("FLAGS", null, new EnvVarSource(null, new KeyReference("flags", "all", null), null)),
                    new EnvVar("POD", null, new EnvVarSource(null, null, new FieldReference("metadata.name")))),
            new ComputeResources(
                    new ResourceAmounts(new Quantity("0.5"), new Quantity("1Gi")),
                    new ResourceAmounts(new Quantity("2"), null)),
            new Probes(
                    new Probe(new HttpGetAction("/ready", null), null, null, 5, 10, 2, 3),
                    new Probe(null, null, new ExecAction(List.of("true")), null, 30, null, null),
                    new Probe(new HttpGetAction("/started", 5001), null, null, null, null, null, 30)),
            new Autoscale(3, 9, 60, 75),
            List.of(new Route("api.example.com", "/v1", PathType.Exact)),
            new Metrics("/prom", 9100, null),
            null);
    private static final AppStack STACK =
            stack("ns", "shop", List.of(new HostSpec("api.example.com", new HostTls("api-cert"))), FULL);
    /** Before the operator has generated any binding Secret. */
    private static final BindingChecksums NO_SECRETS = names -> Optional.empty();

    @Test
    void deploymentCarriesTheContainerSpec() {
        Deployment deployment = Deployments.desired(STACK, FULL, NO_SECRETS);
        assertThat(deployment.getMetadata().getName()).isEqualTo("shop-api");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(deployment.getSpec().getReplicas()).as("autoscaled").isNull();
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Labels.STACK, "shop", Labels.SERVICE, "api"));
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("shop-api");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("ghcr.io/acme/api:2.0.1");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getCommand()).containsExactly("/bin/api");
        assertThat(container.getArgs()).containsExactly("--verbose");
        assertThat(container.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("http:5000", "grpc:9090", "metrics:9100");
        assertThat(container.getEnv()).extracting(e -> e.getName()).containsExactly("MODE", "TOKEN", "FLAGS", "POD");
        assertThat(container.getEnv().get(0).getValue()).isEqualTo("prod");
        assertThat(container.getEnv().get(1).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("tokens");
        assertThat(container.getEnv().get(1).getValueFrom().getSecretKeyRef().getOptional())
                .isTrue();
        assertThat(container.getEnv().get(2).getValueFrom().getConfigMapKeyRef().getKey())
                .isEqualTo("all");
        assertThat(container.getEnv().get(3).getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(container.getResources().getRequests())
                .containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("1Gi"));
        assertThat(container.getResources().getLimits())
                .containsEntry("cpu", new Quantity("2"))
                .as("the memory limit is never below the request")
                .containsEntry("memory", new Quantity("1Gi"));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(container.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(5000));
        assertThat(container.getReadinessProbe().getInitialDelaySeconds()).isEqualTo(5);
        assertThat(container.getReadinessProbe().getTimeoutSeconds()).isEqualTo(2);
        assertThat(container.getLivenessProbe().getExec().getCommand()).containsExactly("true");
        assertThat(container.getStartupProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(5001));
        assertThat(container.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    }

    @Test
    void podsMeetTheRestrictedProfile() {
        var pod = Deployments.desired(STACK, FULL, NO_SECRETS)
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNull();
        var context = pod.getContainers().get(0).getSecurityContext();
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(context.getPrivileged()).isNull();
    }

    @Test
    void defaultsApplyWhenTheSpecIsMinimal() {
        ServiceSpec minimal = service("web", "nginx", 8080);
        Deployment deployment = Deployments.desired(stack("ns", "shop", minimal), minimal, NO_SECRETS);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getTcpSocket().getPort()).isEqualTo(new IntOrString(8080));
        assertThat(container.getLivenessProbe()).isNull();
        assertThat(container.getResources().getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(container.getResources().getLimits())
                .containsOnlyKeys("memory")
                .containsEntry("memory", new Quantity("512Mi"));
        assertThat(container.getCommand()).isNullOrEmpty();
        assertThat(container.getEnv()).isNullOrEmpty();
        assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets())
                .isNullOrEmpty();
        assertThat(Autoscalers.desired(STACK, minimal)).isEmpty();
        assertThat(DisruptionBudgets.desired(STACK, minimal)).isEmpty();
        assertThat(Ingresses.desired(stack("ns", "shop", minimal), PlatformSettings.defaults()))
                .isEmpty();
    }

    @Test
    void everyPodPullsWithTheStacksImagePullSecrets() {
        ServiceSpec web = service("web", "ghcr.io/acme/web:1", 8080);
        AppStack stack = stack(
                "ns",
                "shop",
                new AppStackSpec(
                        List.of(web),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new SecretName("ghcr-pull"), new SecretName("mirror-pull")),
                        null,
                        null));
        assertThat(Deployments.desired(stack, web, NO_SECRETS)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getImagePullSecrets())
                .extracting(LocalObjectReference::getName)
                .containsExactly("ghcr-pull", "mirror-pull");
    }

    @Test
    void serviceExposesEveryPortByName() {
        var service = Services.desired(STACK, FULL).orElseThrow();
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector())
                .containsEntry(Labels.SERVICE, "api")
                .containsEntry(Labels.STACK, "shop");
        assertThat(service.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort() + "->"
                        + p.getTargetPort().getStrVal())
                .containsExactly("http:5000->http", "grpc:9090->grpc", "metrics:9100->metrics");
    }

    @Test
    void autoscalerTargetsTheDeployment() {
        var hpa = Autoscalers.desired(STACK, FULL).orElseThrow();
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop-api");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(9);
        assertThat(hpa.getSpec().getMetrics())
                .extracting(m -> m.getResource().getName() + "="
                        + m.getResource().getTarget().getAverageUtilization())
                .containsExactly("cpu=60", "memory=75");
    }

    @Test
    void disruptionBudgetOnlyWhenMoreThanOnePodCanRun() {
        var pdb = DisruptionBudgets.desired(STACK, FULL).orElseThrow();
        assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry(Labels.SERVICE, "api");
        assertThat(DisruptionBudgets.desired(STACK, TestStacks.withReplicas(service("one", "x", 1), 1)))
                .isEmpty();
        assertThat(DisruptionBudgets.desired(STACK, TestStacks.withReplicas(service("two", "x", 1), 2)))
                .isPresent();
    }

    @Test
    void aWorkerWithoutAPortGetsNoServiceAndNoDefaultReadinessProbe() {
        ServiceSpec worker = TestStacks.worker("worker", "acme/worker");
        AppStack stack = stack("ns", "shop", worker);
        Container container = Deployments.desired(stack, worker, NO_SECRETS)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(container.getPorts()).isNullOrEmpty();
        assertThat(container.getReadinessProbe()).isNull();
        assertThat(Services.desired(stack, worker)).isEmpty();
        assertThat(AppStackResources.desired(stack, PlatformSettings.defaults(), NO_SECRETS))
                .extracting(HasMetadata::getKind)
                .doesNotContain("Service", "Ingress");
    }

    @Test
    void aWorkersOwnMetricsPortIsItsServicesOnlyPort() {
        ServiceSpec worker =
                TestStacks.withMetrics(TestStacks.worker("worker", "acme/worker"), new Metrics(null, 9100, null));
        var service = Services.desired(stack("ns", "shop", worker), worker).orElseThrow();
        assertThat(service.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactly("metrics:9100");
        assertThat(Services.metricsPortName(worker)).contains("metrics");
    }

    @Test
    void everyObjectIsLabelledOwnedAndStamped() {
        List<HasMetadata> objects = AppStackResources.desired(STACK, PlatformSettings.defaults(), NO_SECRETS);
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .containsExactly(
                        "ServiceAccount",
                        "Deployment",
                        "Service",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "Ingress",
                        "NetworkPolicy",
                        "NetworkPolicy");
        assertThat(objects).allSatisfy(o -> {
            assertThat(o.getMetadata().getLabels())
                    .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
                    .containsEntry(Labels.PART_OF, "shop")
                    .doesNotContainKey("app.kubernetes.io/instance");
            assertThat(o.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getUid()).isEqualTo("uid-shop"));
            assertThat(DesiredHash.get(o)).isNotBlank();
        });
        assertThat(ServiceAccounts.desired(STACK, FULL).getAutomountServiceAccountToken())
                .isFalse();
    }

    @Test
    void aServiceThatUsesPostgresReadsItsConnectionFromItsBindingSecret() {
        ServiceSpec api = new ServiceSpec(
                "api",
                "acme/api",
                null,
                null,
                5000,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(TestUses.postgres("shop", "shop", io.atonix.api.v1beta1.common.Access.ReadOnly)));
        var postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(new io.atonix.api.v1beta1.postgres.DatabaseSpec("shop", null)),
                null,
                null,
                null,
                null);
        AppStack withDb = stack("ns", "shop", TestStacks.spec(List.of(api), postgres, null, null, null, null, null));
        var env = Deployments.desired(withDb, api, NO_SECRETS)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();
        assertThat(env)
                .extracting(e ->
                        e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                                + e.getValueFrom().getSecretKeyRef().getKey())
                .containsExactly(
                        "PGHOST=shop-postgres-api-shop-login/host",
                        "PGPORT=shop-postgres-api-shop-login/port",
                        "PGDATABASE=shop-postgres-api-shop-login/database",
                        "PGUSER=shop-postgres-api-shop-login/username",
                        "PGPASSWORD=shop-postgres-api-shop-login/password",
                        "DATABASE_URL=shop-postgres-api-shop-login/uri");
        assertThat(env)
                .allSatisfy(e -> assertThat(e.getValue()).as("no literal value").isNull());

        var child = ChildPostgres.desired(withDb).orElseThrow();
        assertThat(child.getMetadata().getName()).isEqualTo("shop-postgres");
        assertThat(child.getSpec().roles())
                .extracting(r -> r.name() + ":" + r.database() + ":" + r.accessOrDefault())
                .containsExactly("api-shop:shop:ReadOnly");
        assertThat(child.getSpec().deletionPolicy()).isEqualTo(io.atonix.api.v1beta1.common.DeletionPolicy.Retain);
        assertThat(child.getSpec().binding())
                .as("services are bound by their uses")
                .isNull();
    }

    @Test
    void theSameSpecGivesTheSameObjectsAndAChangeChangesTheHash() {
        String before = DesiredHash.get(Deployments.desired(STACK, FULL, NO_SECRETS));
        assertThat(DesiredHash.get(Deployments.desired(STACK, FULL, NO_SECRETS)))
                .isEqualTo(before);
        ServiceSpec changed = TestStacks.withImage(FULL, "ghcr.io/acme/api:2.0.2");
        assertThat(DesiredHash.get(Deployments.desired(STACK, changed, NO_SECRETS)))
                .isNotEqualTo(before);
    }

    @Test
    void theBindingSecretsChecksumIsOnThePodTemplateSoARotationRollsThePods() {
        ServiceSpec api = new ServiceSpec(
                "api",
                "acme/api",
                null,
                null,
                5000,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(TestUses.postgres("shop", "shop")));
        var postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(new io.atonix.api.v1beta1.postgres.DatabaseSpec("shop", null)),
                null,
                null,
                null,
                null);
        AppStack withDb = stack("ns", "shop", TestStacks.spec(List.of(api), postgres, null, null, null, null, null));
        assertThat(Deployments.bindingSecrets(withDb, api)).containsExactly("shop-postgres-api-shop-login");
        assertThat(Deployments.bindingSecrets(STACK, FULL)).isEmpty();

        var secret = new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("shop-postgres-api-shop-login")
                .endMetadata()
                .addToData("password", "b2xk")
                .build();
        var rotated = new io.fabric8.kubernetes.api.model.SecretBuilder(secret)
                .addToData("password", "bmV3")
                .build();
        String before = annotation(Deployments.desired(
                withDb, api, names -> io.atonix.operator.common.SecretChecksum.of(List.of(secret))));
        String after = annotation(Deployments.desired(
                withDb, api, names -> io.atonix.operator.common.SecretChecksum.of(List.of(rotated))));

        assertThat(before).matches("[0-9a-f]{16}").isNotEqualTo(after).doesNotContain("b2xk");
        assertThat(annotation(Deployments.desired(withDb, api, NO_SECRETS)))
                .as("no annotation before the Secret exists")
                .isNull();
        assertThat(annotation(Deployments.desired(withDb, api, BindingChecksums.placeholder())))
                .startsWith("<");
    }

    private static String annotation(Deployment deployment) {
        var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(io.atonix.operator.common.SecretChecksum.ANNOTATION);
    }
}
