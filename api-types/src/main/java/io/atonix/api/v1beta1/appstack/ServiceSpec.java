package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.Probes;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One application service of a stack: a Deployment behind a Service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(has(self.replicas) && has(self.autoscale))",
        message =
                "replicas and autoscale are mutually exclusive: with autoscale, the autoscaler owns the replica count")
@ValidationRule(
        value = "!has(self.additionalPorts) || !has(self.port) || self.additionalPorts.all(p, p.port != self.port)",
        message = "additionalPorts must not repeat the service's port")
@ValidationRule(
        value = "!has(self.additionalPorts) || self.additionalPorts.all(p, p.name != 'http' && p.name != 'metrics')",
        message = "http and metrics are the operator's names for the service's port and its metrics port",
        fieldPath = ".additionalPorts")
@ValidationRule(
        value =
                "!has(self.additionalPorts) || self.additionalPorts.all(a, self.additionalPorts.exists_one(b, b.port == a.port))",
        message = "additionalPorts must not declare a port number twice",
        fieldPath = ".additionalPorts")
@ValidationRule(
        value = "!has(self.routes) || has(self.port)",
        message = "routes need the service's port: the edge sends their HTTP requests to it",
        fieldPath = ".routes")
@ValidationRule(
        value = "!has(self.auth) || self.auth == 'None' || has(self.routes)",
        message = "auth signs in the requests of the service's routes: a service without routes has none",
        fieldPath = ".auth")
@ValidationRule(
        value = "!has(self.metrics) || has(self.port) || has(self.metrics.port)",
        message = "metrics of a service without a port need metrics.port",
        fieldPath = ".metrics")
@ValidationRule(
        value = "has(self.port) || !has(self.probes) || " + ServiceSpec.PROBES_NAME_THEIR_PORT,
        message = "probes of a service without a port must name their httpGet or tcpSocket port",
        fieldPath = ".probes")
@ValidationRule(
        value = "self.name != 'postgres' && self.name != 'redis'",
        message = "postgres and redis are reserved for the stack's data stores",
        fieldPath = ".name")
@ValidationRule(
        value = "!has(self.uses) || self.uses.filter(u, has(u.kafka)).size() <= 1",
        message =
                "at most one use of a service names kafka: the service has one KafkaUser and one consumer group, so list all its topics in that use",
        fieldPath = ".uses")
@ValidationRule(
        value =
                "!has(self.uses) || self.uses.all(a, self.uses.all(b, a.name == b.name || !(has(a.postgres) && has(b.postgres) || has(a.redis) && has(b.redis) || has(a.objectStore) && has(b.objectStore)) || (has(a.envPrefix) ? a.envPrefix : '') != (has(b.envPrefix) ? b.envPrefix : '')))",
        message =
                "two uses of one kind have the same envPrefix, so their variables (PGHOST, REDIS_URL, ...) would collide: give each a different envPrefix",
        fieldPath = ".uses")
@ValidationRule(
        value = "!has(self.uses) || !has(self.env) || self.env.all(e, self.uses.all(u, !(has(u.postgres) ? "
                + ServiceSpec.POSTGRES_VARIABLES + " : has(u.redis) ? " + ServiceSpec.REDIS_VARIABLES
                + " : has(u.kafka) ? "
                + ServiceSpec.KAFKA_VARIABLES + " : " + ServiceSpec.OBJECT_STORE_VARIABLES
                + ").exists(v, (has(u.envPrefix) ? u.envPrefix : '') + v == e.name)))",
        message = "env sets a variable that a use sets from its binding Secret: rename it or give the use an envPrefix",
        fieldPath = ".env")
@ValidationRule(
        value =
                "!has(self.uses) || !has(self.env) || self.env.all(e, self.uses.all(u, !has(u.kafka) || !e.name.startsWith((has(u.envPrefix) ? u.envPrefix : '') + 'KAFKA_TOPIC_')))",
        message =
                "env sets a KAFKA_TOPIC_ variable, which a use of Kafka sets to a topic's name in Kafka: rename it or give the use an envPrefix",
        fieldPath = ".env")
@ValidationRule(
        value =
                "!has(self.autoscale) || !has(self.autoscale.triggers) || self.autoscale.triggers.all(t, !has(t.kafkaLag) || (has(self.uses) && self.uses.exists(u, has(u.kafka) && has(u.kafka.consume) && t.kafkaLag.topic in u.kafka.consume)))",
        message =
                "a kafkaLag trigger's topic must be one the service consumes (in the consume list of its use of Kafka): the trigger reads the lag of the service's own consumer group",
        fieldPath = ".autoscale.triggers")
public record ServiceSpec(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the service, unique in the stack: a DNS label of at most 30 characters. Objects are named <stack>-<name>.")
        String name,

        @Required
        @Size(min = 1, max = 512)
        @JsonPropertyDescription(
                "Container image, for example ghcr.io/acme/shop-api:2.0.1. Pin a tag or digest: a changed image rolls the Deployment.")
        String image,

        @JsonPropertyDescription(
                "When the kubelet pulls the image. Defaults to Kubernetes' own rule (Always for :latest, IfNotPresent otherwise).")
        ImagePullPolicy imagePullPolicy,

        @Min(0)
        @Max(1000)
        @JsonPropertyDescription("Number of pods. Defaults to 1. Not allowed together with autoscale.")
        Integer replicas,

        @Min(1)
        @Max(65535)
        @JsonPropertyDescription(
                "Port the application serves HTTP on, exposed by the Service as port \"http\" and checked by the default readiness probe. A worker that serves nothing leaves it out: it gets no Service, no routes and no default probe.")
        Integer port,

        @Size(max = 8)
        @JsonPropertyDescription("Further ports the container listens on, exposed by the Service under their names.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ServicePort> additionalPorts,

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
                "Environment variables of the container. Connection details of the data stores the service uses are added by the operator.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<EnvVar> env,

        @JsonPropertyDescription(
                "CPU and memory for the container. Defaults: requests 100m CPU and 128Mi memory, a 512Mi memory limit.")
        ComputeResources resources,

        @JsonPropertyDescription("Readiness, liveness and startup probes.")
        Probes probes,

        @JsonPropertyDescription(
                "Scales the service with a HorizontalPodAutoscaler between minReplicas and maxReplicas.")
        Autoscale autoscale,

        @Size(max = 8)
        @JsonPropertyDescription(
                "Hosts and paths of spec.hosts whose HTTP requests from outside the cluster reach the service's port.")
        @ListType(
                value = ListType.Kind.map,
                keys = {"host", "path"})
        List<Route> routes,

        @Default("None")
        @JsonPropertyDescription(
                "Sign-in at the edge for the requests of the service's routes, with spec.auth.oidc: None (default) lets them through; Browser runs an oauth2-proxy <stack>-<service>-auth in front of the service that redirects people without a session to the provider and keeps a cookie session; Bearer runs it to accept only requests with a JWT of the issuer for the client ID (401 without one, 403 for a user not allowed). With Browser or Bearer only the proxy reaches the service from the edge.")
        EdgeAuth auth,

        @JsonPropertyDescription(
                "Declares that the service serves Prometheus metrics; Prometheus scrapes them when the cluster runs the Prometheus Operator.")
        Metrics metrics,

        @Size(max = 8)
        @JsonPropertyDescription(
                "The stack's data stores and topics this service connects to, each use with a login of its own. The operator creates the credentials and passes them as environment variables read from the use's binding Secret.")
        @ListType(value = ListType.Kind.map, keys = "name")
        List<ServiceUse> uses) {

    public static final int DEFAULT_REPLICAS = 1;

    /** The variables a use of each kind sets, before its envPrefix, as CEL lists: the operator's bindings set these. */
    public static final String POSTGRES_VARIABLES =
            "['PGHOST', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGPASSWORD', 'DATABASE_URL']";

    public static final String REDIS_VARIABLES =
            "['REDIS_HOST', 'REDIS_PORT', 'REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_URL']";
    public static final String KAFKA_VARIABLES =
            "['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_USERNAME', 'KAFKA_SASL_MECHANISM', 'KAFKA_PASSWORD', 'KAFKA_SASL_JAAS_CONFIG', 'KAFKA_CONSUMER_GROUP']";

    public static final String OBJECT_STORE_VARIABLES =
            "['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL_S3', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'S3_BUCKET']";

    public ServiceSpec {
        additionalPorts = additionalPorts == null ? List.of() : List.copyOf(additionalPorts);
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        routes = routes == null ? List.of() : List.copyOf(routes);
        uses = uses == null ? List.of() : List.copyOf(uses);
    }

    /** A service without sign-in at the edge. */
    public ServiceSpec(
            String name,
            String image,
            ImagePullPolicy imagePullPolicy,
            Integer replicas,
            Integer port,
            List<ServicePort> additionalPorts,
            List<String> command,
            List<String> args,
            List<EnvVar> env,
            ComputeResources resources,
            Probes probes,
            Autoscale autoscale,
            List<Route> routes,
            Metrics metrics,
            List<ServiceUse> uses) {
        this(
                name,
                image,
                imagePullPolicy,
                replicas,
                port,
                additionalPorts,
                command,
                args,
                env,
                resources,
                probes,
                autoscale,
                routes,
                null,
                metrics,
                uses);
    }

    private static final String READINESS_NAMES_PORT =
            "(!has(self.probes.readiness) || ((!has(self.probes.readiness.httpGet) || has(self.probes.readiness.httpGet.port)) && (!has(self.probes.readiness.tcpSocket) || has(self.probes.readiness.tcpSocket.port))))";
    private static final String LIVENESS_NAMES_PORT =
            "(!has(self.probes.liveness) || ((!has(self.probes.liveness.httpGet) || has(self.probes.liveness.httpGet.port)) && (!has(self.probes.liveness.tcpSocket) || has(self.probes.liveness.tcpSocket.port))))";
    private static final String STARTUP_NAMES_PORT =
            "(!has(self.probes.startup) || ((!has(self.probes.startup.httpGet) || has(self.probes.startup.httpGet.port)) && (!has(self.probes.startup.tcpSocket) || has(self.probes.startup.tcpSocket.port))))";

    /** Each probe's httpGet and tcpSocket name a port, since there is no service port to default to. */
    static final String PROBES_NAME_THEIR_PORT =
            "(" + READINESS_NAMES_PORT + " && " + LIVENESS_NAMES_PORT + " && " + STARTUP_NAMES_PORT + ")";

    public enum ImagePullPolicy {
        Always,
        IfNotPresent,
        Never
    }

    /** Whether the service listens on an HTTP port; a worker that serves nothing does not. */
    public boolean hasPort() {
        return port != null;
    }

    public EdgeAuth authOrDefault() {
        return auth == null ? EdgeAuth.None : auth;
    }

    /** Whether the edge signs in the service's requests, through an oauth2-proxy in front of it. */
    public boolean signsIn() {
        return authOrDefault() != EdgeAuth.None;
    }

    public int replicasOrDefault() {
        return replicas == null ? DEFAULT_REPLICAS : replicas;
    }

    /** The most pods that can run at once, which decides whether a disruption budget makes sense. */
    public int maxPossibleReplicas() {
        return autoscale != null ? autoscale.maxReplicas() : replicasOrDefault();
    }

    /** The uses of one kind, in their order. */
    public List<ServiceUse> uses(UseKind kind) {
        return uses.stream().filter(use -> use.kind() == kind).toList();
    }

    /** Whether some use of the service connects to a store of this kind. */
    public boolean connectsTo(UseKind kind) {
        return uses.stream().anyMatch(use -> use.kind() == kind);
    }
}
