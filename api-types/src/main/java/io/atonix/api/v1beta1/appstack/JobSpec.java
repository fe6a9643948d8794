package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.CronSchedule;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.EnvVar;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * A job of a stack: a container that runs to completion, with the image, environment and uses of a service, either
 * before the rollout of new versions of some services (a migration) or on a schedule (a CronJob).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "has(self.runBefore) != has(self.schedule)",
        message = "a job runs either before a rollout (runBefore) or on a schedule: set exactly one of them")
@ValidationRule(
        value = "!has(self.schedule) || self.schedule.matches('" + CronSchedule.PATTERN + "')",
        message = CronSchedule.MESSAGE,
        fieldPath = ".schedule")
@ValidationRule(
        value = "self.name != 'postgres' && self.name != 'redis'",
        message = "postgres and redis are reserved for the stack's data stores",
        fieldPath = ".name")
@ValidationRule(
        value = "!has(self.uses) || self.uses.filter(u, has(u.kafka)).size() <= 1",
        message = "at most one use of a job names kafka: the job has one KafkaUser and one consumer group",
        fieldPath = ".uses")
// The rules of a service's variables, for the same reasons: a use's variables come from its binding Secret.
@ValidationRule(
        value =
                "!has(self.uses) || self.uses.all(a, self.uses.all(b, a.name == b.name || !(has(a.postgres) && has(b.postgres) || has(a.redis) && has(b.redis)) || (has(a.envPrefix) ? a.envPrefix : '') != (has(b.envPrefix) ? b.envPrefix : '')))",
        message =
                "two uses of one kind have the same envPrefix, so their variables (PGHOST, REDIS_URL, ...) would collide: give each a different envPrefix",
        fieldPath = ".uses")
@ValidationRule(
        value = "!has(self.uses) || !has(self.env) || self.env.all(e, self.uses.all(u, !(has(u.postgres) ? "
                + ServiceSpec.POSTGRES_VARIABLES + " : has(u.redis) ? " + ServiceSpec.REDIS_VARIABLES + " : "
                + ServiceSpec.KAFKA_VARIABLES + ").exists(v, (has(u.envPrefix) ? u.envPrefix : '') + v == e.name)))",
        message = "env sets a variable that a use sets from its binding Secret: rename it or give the use an envPrefix",
        fieldPath = ".env")
@ValidationRule(
        value =
                "!has(self.uses) || !has(self.env) || self.env.all(e, self.uses.all(u, !has(u.kafka) || !e.name.startsWith((has(u.envPrefix) ? u.envPrefix : '') + 'KAFKA_TOPIC_')))",
        message =
                "env sets a KAFKA_TOPIC_ variable, which a use of Kafka sets to a topic's name in Kafka: rename it or give the use an envPrefix",
        fieldPath = ".env")
public record JobSpec(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the job, unique among the stack's services and jobs: a DNS label of at most 30 characters. A scheduled job's CronJob is <stack>-<name>; a migration's Jobs are <stack>-<name>-<version>.")
        String name,

        @Required
        @Size(min = 1, max = 512)
        @JsonPropertyDescription(
                "Container image, for example ghcr.io/acme/shop-api:2.0.1 (often the image of the service it migrates). Pin a tag or digest: a changed image is a new version.")
        String image,

        @JsonPropertyDescription(
                "When the kubelet pulls the image. Defaults to Kubernetes' own rule (Always for :latest, IfNotPresent otherwise).")
        ServiceSpec.ImagePullPolicy imagePullPolicy,

        @Size(max = 32)
        @JsonPropertyDescription("Entrypoint of the container; the image's ENTRYPOINT when unset.")
        @ListType(ListType.Kind.atomic)
        List<@Size(max = 4096) String> command,

        @Size(max = 64)
        @JsonPropertyDescription("Arguments to the entrypoint; the image's CMD when unset.")
        @ListType(ListType.Kind.atomic)
        List<@Size(max = 4096) String> args,

        @Size(max = 128)
        @JsonPropertyDescription(
                "Environment variables of the container. Connection details of the data stores the job uses are added by the operator.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<EnvVar> env,

        @JsonPropertyDescription(
                "CPU and memory for the container. Defaults: requests 100m CPU and 128Mi memory, a 512Mi memory limit.")
        ComputeResources resources,

        @Size(max = 8)
        @JsonPropertyDescription(
                "The stack's data stores and topics the job connects to, each use with a login of its own (<job>-<use>), passed as environment variables read from the use's binding Secret, as for a service.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ServiceUse> uses,

        @JsonPropertyDescription(
                "Runs the job before the rollout of new versions of the named services, as a migration. Exactly one of runBefore and schedule.")
        RunBefore runBefore,

        @Size(min = 9, max = 64)
        @JsonPropertyDescription(
                "Runs the job on a schedule, in cron syntax (for example \"0 3 * * *\" for 03:00 every day) in the time zone of the cluster's controller manager, as a CronJob that never runs two at once. Exactly one of runBefore and schedule.")
        String schedule,

        @Default("2")
        @Min(0)
        @Max(10)
        @JsonPropertyDescription("How often a failed run is retried before the job counts as failed. Defaults to 2.")
        Integer backoffLimit,

        @Min(1)
        @Max(86400)
        @JsonPropertyDescription(
                "Seconds a run may take, retries included, before Kubernetes stops it and the job counts as failed. Unlimited when unset.")
        Integer activeDeadlineSeconds) {

    public static final int DEFAULT_BACKOFF_LIMIT = 2;

    public JobSpec {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        uses = uses == null ? List.of() : List.copyOf(uses);
    }

    public int backoffLimitOrDefault() {
        return backoffLimit == null ? DEFAULT_BACKOFF_LIMIT : backoffLimit;
    }

    /** Whether the job is a migration that runs before the rollout of services. */
    public boolean runsBeforeRollout() {
        return runBefore != null;
    }

    /**
     * The job as the workload a service describes: its container, environment and uses, without port, probes or
     * replicas. Logins, binding Secrets and NetworkPolicies are derived from it as from a service.
     */
    public ServiceSpec asWorkload() {
        return new ServiceSpec(
                name,
                image,
                imagePullPolicy,
                null,
                null,
                null,
                command,
                args,
                env,
                resources,
                null,
                null,
                null,
                null,
                uses);
    }

    /** The services whose rollout waits for the job; empty for a scheduled job. */
    public List<String> holds() {
        return runBefore == null ? List.of() : runBefore.rollout();
    }
}
