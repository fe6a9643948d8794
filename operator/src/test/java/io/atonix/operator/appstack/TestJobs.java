package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.JobSpec;
import io.atonix.api.v1beta1.appstack.RunBefore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import java.util.List;

/** Jobs and stacks with jobs, for tests. */
public final class TestJobs {
    private TestJobs() {}

    /** A migration that runs before the rollout of these services. */
    public static JobSpec migration(String name, String image, List<ServiceUse> uses, String... services) {
        return new JobSpec(
                name,
                image,
                null,
                List.of("migrate"),
                null,
                null,
                null,
                uses,
                new RunBefore(List.of(services)),
                null,
                null,
                null);
    }

    /** A job on a cron schedule. */
    public static JobSpec scheduled(String name, String image, String schedule, List<ServiceUse> uses) {
        return new JobSpec(name, image, null, null, List.of("nightly"), null, null, uses, null, schedule, null, null);
    }

    /** A stack with a PostgreSQL database shop, these services and these jobs. */
    public static AppStack stack(String namespace, String name, List<ServiceSpec> services, JobSpec... jobs) {
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("1Gi"), List.of(new DatabaseSpec("shop", null)), null, null, null, null);
        return TestStacks.stack(
                namespace,
                name,
                new AppStackSpec(
                        services, postgres, null, null, null, null, null, null, null, null, null, List.of(jobs), null));
    }

    public static AppStack withJobs(AppStack stack, JobSpec... jobs) {
        AppStackSpec s = stack.getSpec();
        AppStack changed = TestStacks.stack(
                stack.getMetadata().getNamespace(),
                stack.getMetadata().getName(),
                new AppStackSpec(
                        s.services(),
                        s.postgres(),
                        s.redis(),
                        s.kafka(),
                        s.monitoring(),
                        s.networkPolicy(),
                        s.deletionPolicy(),
                        s.imagePullSecrets(),
                        s.hosts(),
                        s.ingress(),
                        s.auth(),
                        List.of(jobs),
                        s.objectStores()));
        return changed;
    }
}
