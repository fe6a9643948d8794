package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.SecretName;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Optional;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "self.services.all(a, self.services.exists_one(b, b.name == a.name))",
        message = "service names must be unique",
        fieldPath = ".services")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.uses) || s.uses.all(u, !has(u.postgres) || (has(self.postgres) && has(self.postgres.databases) && self.postgres.databases.exists(d, d.name == u.postgres.database))))",
        message = "a service uses a PostgreSQL database that spec.postgres.databases does not declare")
@ValidationRule(
        value = "has(self.redis) || self.services.all(s, !has(s.uses) || !s.uses.exists(u, has(u.redis)))",
        message = "a service uses Redis but spec.redis is not set")
@ValidationRule(
        value = "has(self.kafka) || self.services.all(s, !has(s.uses) || !s.uses.exists(u, has(u.kafka)))",
        message = "a service uses Kafka but spec.kafka is not set")
// Topics written and topics read are two rules: one rule over both exceeds the API server's cost budget for a rule.
@ValidationRule(
        value =
                "self.services.all(s, !has(s.uses) || s.uses.all(u, !has(u.kafka) || !has(u.kafka.produce) || u.kafka.produce.all(t, has(self.kafka) && has(self.kafka.topics) && self.kafka.topics.exists(k, k.name == t))))",
        message = "a service writes to a Kafka topic that spec.kafka.topics does not declare")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.uses) || s.uses.all(u, !has(u.kafka) || !has(u.kafka.consume) || u.kafka.consume.all(t, has(self.kafka) && has(self.kafka.topics) && self.kafka.topics.exists(k, k.name == t))))",
        message = "a service reads a Kafka topic that spec.kafka.topics does not declare")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.routes) || s.routes.all(r, has(self.hosts) && self.hosts.exists(h, h.name == r.host)))",
        message = "a service routes a host that spec.hosts does not declare")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.routes) || s.routes.all(r, self.services.exists_one(o, has(o.routes) && o.routes.exists(q, q.host == r.host && q.path == r.path))))",
        message = "two services route the same host and path")
@ValidationRule(
        value =
                "!has(self.networkPolicy) || !has(self.networkPolicy.egressTo) || self.networkPolicy.egressTo.all(d, !has(d.from) || d.from.all(f, self.services.exists(s, s.name == f) || (f == 'postgres' && has(self.postgres))))",
        message = AppStackSpec.EGRESS_FROM_UNDECLARED,
        fieldPath = ".networkPolicy.egressTo")
// Archiving and recovery from an object store run in the PostgreSQL pods, which DeclaredOnly closes like any other.
@ValidationRule(
        value =
                "!has(self.postgres) || !(has(self.postgres.bootstrap) || has(self.postgres.backup) && has(self.postgres.backup.objectStore)) || !has(self.networkPolicy) || !has(self.networkPolicy.egress) || self.networkPolicy.egress != 'DeclaredOnly' || has(self.networkPolicy.enabled) && !self.networkPolicy.enabled || has(self.networkPolicy.egressTo) && self.networkPolicy.egressTo.exists(d, has(d.from) && 'postgres' in d.from)",
        message = AppStackSpec.POSTGRES_OBJECT_STORE_CLOSED,
        fieldPath = ".networkPolicy.egressTo")
@ValidationRule(
        value = "self.services.all(s, !has(s.auth) || s.auth == 'None') || has(self.auth) && has(self.auth.oidc)",
        message = "a service's auth Browser or Bearer needs spec.auth.oidc, the provider users sign in with")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.auth) || s.auth == 'None' || !self.services.exists(o, o.name == s.name + '-auth'))",
        message =
                "a service named <name>-auth would share its objects' names with the oauth2-proxy of the service <name>, which signs in at the edge",
        fieldPath = ".services")
@ValidationRule(
        value = "!has(self.jobs) || self.jobs.all(a, self.jobs.exists_one(b, b.name == a.name))",
        message = "job names must be unique",
        fieldPath = ".jobs")
@ValidationRule(
        value = "!has(self.jobs) || self.jobs.all(j, !self.services.exists(s, s.name == j.name))",
        message = AppStackSpec.JOB_NAMED_LIKE_SERVICE,
        fieldPath = ".jobs")
@ValidationRule(
        value =
                "!has(self.jobs) || self.jobs.all(j, !has(j.runBefore) || j.runBefore.rollout.all(n, self.services.exists(s, s.name == n)))",
        message = "a job's runBefore.rollout names a service that spec.services does not declare",
        fieldPath = ".jobs")
@ValidationRule(
        value =
                "!has(self.jobs) || self.jobs.all(j, !has(j.uses) || j.uses.all(u, !has(u.postgres) || (has(self.postgres) && has(self.postgres.databases) && self.postgres.databases.exists(d, d.name == u.postgres.database))))",
        message = "a job uses a PostgreSQL database that spec.postgres.databases does not declare")
@ValidationRule(
        value =
                "has(self.redis) || !has(self.jobs) || self.jobs.all(j, !has(j.uses) || !j.uses.exists(u, has(u.redis)))",
        message = "a job uses Redis but spec.redis is not set")
@ValidationRule(
        value =
                "has(self.kafka) || !has(self.jobs) || self.jobs.all(j, !has(j.uses) || !j.uses.exists(u, has(u.kafka)))",
        message = "a job uses Kafka but spec.kafka is not set")
@ValidationRule(
        value =
                "!has(self.jobs) || self.jobs.all(j, !has(j.uses) || j.uses.all(u, !has(u.objectStore) || has(self.objectStores) && self.objectStores.exists(o, o.name == u.objectStore.store)))",
        message = "a job uses an object store that spec.objectStores does not declare")
@ValidationRule(
        value =
                "!has(self.objectStores) || self.objectStores.all(a, self.objectStores.exists_one(b, b.name == a.name))",
        message = "object store names must be unique",
        fieldPath = ".objectStores")
@ValidationRule(
        value =
                "self.services.all(s, !has(s.uses) || s.uses.all(u, !has(u.objectStore) || has(self.objectStores) && self.objectStores.exists(o, o.name == u.objectStore.store)))",
        message = "a service uses an object store that spec.objectStores does not declare")
public record AppStackSpec(
        @Required
        @Size(min = 1, max = 20)
        @JsonPropertyDescription("The application services of the stack.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ServiceSpec> services,

        @JsonPropertyDescription(
                "A PostgreSQL server for the stack, created as the child Postgres resource <stack>-postgres, with a role per service that uses it and the stack's deletionPolicy and monitoring.")
        StackPostgres postgres,

        @JsonPropertyDescription(
                "A Redis server for the stack, created as the child Redis resource <stack>-redis, with a user per service that uses it and the stack's deletionPolicy and monitoring.")
        StackRedis redis,

        @JsonPropertyDescription("Kafka topics and users in a Strimzi-managed Kafka cluster.")
        KafkaSpec kafka,

        @JsonPropertyDescription(
                "Prometheus scraping and alert rules. On by default where the cluster runs the Prometheus Operator.")
        MonitoringSpec monitoring,

        @JsonPropertyDescription(
                "NetworkPolicies that allow exactly the traffic the stack declares, and under egress DeclaredOnly the destinations of egressTo. On by default.")
        NetworkPolicySpec networkPolicy,

        @Default("Retain")
        @JsonPropertyDescription(
                "What happens to data when the stack is deleted: Retain (default) keeps PostgreSQL and Redis volumes and Kafka topics; Delete removes them.")
        DeletionPolicy deletionPolicy,

        @Size(max = 10)
        @JsonPropertyDescription(
                "Secrets (kubernetes.io/dockerconfigjson) the services' pods pull their images with, for images in a private registry.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<SecretName> imagePullSecrets,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Host names the stack serves from outside the cluster, each with its TLS. The services' routes name them.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<HostSpec> hosts,

        @JsonPropertyDescription("Settings of the Ingress that carries the services' routes.")
        IngressSpec ingress,

        @JsonPropertyDescription(
                "How users sign in at the edge: the identity provider for services whose auth is Browser or Bearer.")
        AuthSpec auth,

        @Size(max = 10)
        @JsonPropertyDescription(
                "Jobs of the stack, with the image, environment and uses of a service: a migration that runs before the rollout of new versions of some services (runBefore), or a job on a schedule (a CronJob).")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<JobSpec> jobs,

        @Size(max = 10)
        @JsonPropertyDescription(
                "Buckets of S3-compatible object stores the services use: each use gets a binding Secret with the store's endpoint, bucket, region and access key, the AWS_* variables that read it, and under egress DeclaredOnly a way out to the endpoint.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ObjectStore> objectStores) {

    public static final String EGRESS_FROM_UNDECLARED =
            "from names a service that spec.services does not declare, or postgres without spec.postgres";
    public static final String POSTGRES_OBJECT_STORE_CLOSED =
            "under egress DeclaredOnly, a PostgreSQL that archives to or recovers from an object store needs a destination in egressTo whose from names postgres";

    public static final String JOB_NAMED_LIKE_SERVICE =
            "a job has the name of a service: their pods, logins and NetworkPolicies would share names";

    public AppStackSpec {
        services = services == null ? List.of() : List.copyOf(services);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        objectStores = objectStores == null ? List.of() : List.copyOf(objectStores);
    }

    /** A stack without sign-in at the edge. */
    public AppStackSpec(
            List<ServiceSpec> services,
            StackPostgres postgres,
            StackRedis redis,
            KafkaSpec kafka,
            MonitoringSpec monitoring,
            NetworkPolicySpec networkPolicy,
            DeletionPolicy deletionPolicy,
            List<SecretName> imagePullSecrets,
            List<HostSpec> hosts,
            IngressSpec ingress) {
        this(
                services,
                postgres,
                redis,
                kafka,
                monitoring,
                networkPolicy,
                deletionPolicy,
                imagePullSecrets,
                hosts,
                ingress,
                (AuthSpec) null);
    }

    /** A stack without jobs or object stores. */
    public AppStackSpec(
            List<ServiceSpec> services,
            StackPostgres postgres,
            StackRedis redis,
            KafkaSpec kafka,
            MonitoringSpec monitoring,
            NetworkPolicySpec networkPolicy,
            DeletionPolicy deletionPolicy,
            List<SecretName> imagePullSecrets,
            List<HostSpec> hosts,
            IngressSpec ingress,
            AuthSpec auth) {
        this(
                services,
                postgres,
                redis,
                kafka,
                monitoring,
                networkPolicy,
                deletionPolicy,
                imagePullSecrets,
                hosts,
                ingress,
                auth,
                null,
                null);
    }

    /**
     * The services and then the jobs, each job as the workload a service describes: what gets logins, binding Secrets
     * and a NetworkPolicy of its own.
     */
    public List<ServiceSpec> workloads() {
        List<ServiceSpec> workloads = new java.util.ArrayList<>(services);
        jobs.forEach(job -> workloads.add(job.asWorkload()));
        return List.copyOf(workloads);
    }

    /** The stack's OIDC provider, if it declares one. */
    public Optional<OidcProvider> oidc() {
        return auth == null ? Optional.empty() : Optional.ofNullable(auth.oidc());
    }

    /** The declared object store of that name, if any. */
    public Optional<ObjectStore> objectStore(String name) {
        return objectStores.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The declared host of that name, if any. */
    public Optional<HostSpec> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public DeletionPolicy deletionPolicyOrDefault() {
        return deletionPolicy == null ? DeletionPolicy.Retain : deletionPolicy;
    }
}
