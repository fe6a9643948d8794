package io.atonix.operator.monitoring;

import io.atonix.api.v1beta1.appstack.AlertThresholds;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.operator.appstack.TestStacks;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

/** A stack with every kind of part monitoring covers: services with and without metrics, PostgreSQL with backups, Redis. */
final class MonitoredStacks {
    /** No metrics. */
    static final ServiceSpec WEB = TestStacks.service("web", "nginx:1.27", 8080);
    /** Metrics on a port of their own. */
    static final ServiceSpec API =
            withMetrics(TestStacks.service("api", "acme/api:1", 5000), new Metrics("/prom", 9100, "15s"));
    /** Metrics on the service's port, and an additional port. */
    static final ServiceSpec WORKER = withPorts(
            withMetrics(TestStacks.service("worker", "acme/worker:1", 7000), new Metrics(null, null, null)),
            List.of(new ServicePort("admin", 7001, null)));
    /** Metrics on one of its additional ports. */
    static final ServiceSpec GATEWAY = withPorts(
            withMetrics(TestStacks.service("gateway", "acme/gw:1", 8000), new Metrics(null, 8001, null)),
            List.of(new ServicePort("stats", 8001, null)));

    private MonitoredStacks() {}

    static AppStack full(MonitoringSpec monitoring) {
        StackPostgres postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("5Gi"),
                List.of(new DatabaseSpec("shop", List.of())),
                null,
                null,
                BackupSpec.toVolume("0 3 * * *", null, VolumeSpec.of("10Gi")),
                null);
        StackRedis redis = new StackRedis("7.2", new Quantity("256Mi"), null, null, null);
        return TestStacks.stack(
                "shop",
                "shop",
                TestStacks.spec(List.of(WEB, API, WORKER, GATEWAY), postgres, redis, null, monitoring, null, null));
    }

    static AppStack full() {
        return full(null);
    }

    /** The full stack, its Postgres archiving to an object store instead of dumping into a volume. */
    static AppStack archiving() {
        AppStack stack = full();
        StackPostgres postgres = stack.getSpec().postgres();
        ObjectStoreSpec store = new ObjectStoreSpec(
                "https://s3.example.com", "archive", null, null, new ObjectStoreCredentials("s3", null, null), null);
        return TestStacks.stack(
                "shop",
                "shop",
                TestStacks.spec(
                        stack.getSpec().services(),
                        new StackPostgres(
                                postgres.version(),
                                postgres.instances(),
                                postgres.storage(),
                                postgres.databases(),
                                postgres.parameters(),
                                postgres.resources(),
                                new BackupSpec("0 3 * * *", null, null, store),
                                null),
                        stack.getSpec().redis(),
                        null,
                        null,
                        null,
                        null));
    }

    static MonitoringSpec monitoring(
            Boolean enabled,
            Boolean alerts,
            Boolean dashboard,
            Map<String, String> labels,
            AlertThresholds thresholds) {
        return new MonitoringSpec(enabled, alerts, dashboard, labels, thresholds);
    }

    static ServiceSpec withMetrics(ServiceSpec s, Metrics metrics) {
        return TestStacks.withMetrics(s, metrics);
    }

    static ServiceSpec withPorts(ServiceSpec s, List<ServicePort> ports) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                ports,
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                s.metrics(),
                s.uses());
    }
}
