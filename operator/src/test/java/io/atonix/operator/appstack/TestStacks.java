package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.HostTls;
import io.atonix.api.v1beta1.appstack.IssuerKind;
import io.atonix.api.v1beta1.appstack.IssuerReference;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.MonitoringSpec;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** Small stacks for tests, built in code so that each test shows the fields it cares about. */
public final class TestStacks {

    private TestStacks() {}

    /** A stack spec without image pull Secrets, hosts or ingress settings: services reached only inside the cluster. */
    public static AppStackSpec spec(
            List<ServiceSpec> services,
            StackPostgres postgres,
            StackRedis redis,
            KafkaSpec kafka,
            MonitoringSpec monitoring,
            NetworkPolicySpec networkPolicy,
            DeletionPolicy deletionPolicy) {
        return new AppStackSpec(
                services, postgres, redis, kafka, monitoring, networkPolicy, deletionPolicy, null, null, null);
    }

    public static AppStack stack(String namespace, String name, ServiceSpec... services) {
        return stack(namespace, name, spec(List.of(services), null, null, null, null, null, null));
    }

    /** A stack that serves these hosts, which its services' routes name. */
    public static AppStack stack(String namespace, String name, List<HostSpec> hosts, ServiceSpec... services) {
        return stack(
                namespace,
                name,
                new AppStackSpec(List.of(services), null, null, null, null, null, null, null, hosts, null));
    }

    /** A host served over HTTPS with the certificate in the Secret the stack owns for it. */
    public static HostSpec https(String host) {
        return new HostSpec(host, new HostTls(null));
    }

    /** A host served over HTTPS with a certificate that a cert-manager issuer of that kind issues. */
    public static HostSpec issued(String host, String issuer, IssuerKind kind) {
        return new HostSpec(host, new HostTls(null, new IssuerReference(issuer, kind)));
    }

    /** A host served over plain HTTP. */
    public static HostSpec http(String host) {
        return new HostSpec(host, null);
    }

    public static Route route(String host, String path) {
        return new Route(host, path, null);
    }

    /** A worker: a service that listens on no port. */
    public static ServiceSpec worker(String name, String image) {
        return new ServiceSpec(
                name, image, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static AppStack stack(String namespace, String name, AppStackSpec spec) {
        AppStack stack = new AppStack();
        stack.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withUid("uid-" + name)
                .withGeneration(1L)
                .build());
        stack.setSpec(spec);
        return stack;
    }

    public static ServiceSpec service(String name, String image, int port) {
        return new ServiceSpec(
                name, image, null, null, port, null, null, null, null, null, null, null, null, null, null);
    }

    public static ServiceSpec withReplicas(ServiceSpec s, Integer replicas) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                replicas,
                s.port(),
                s.additionalPorts(),
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

    public static ServiceSpec withImage(ServiceSpec s, String image) {
        return new ServiceSpec(
                s.name(),
                image,
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
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

    public static ServiceSpec withAutoscale(ServiceSpec s, io.atonix.api.v1beta1.appstack.Autoscale autoscale) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                null,
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                autoscale,
                s.routes(),
                s.metrics(),
                s.uses());
    }

    public static ServiceSpec withRoutes(ServiceSpec s, io.atonix.api.v1beta1.appstack.Route... routes) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                List.of(routes),
                s.metrics(),
                s.uses());
    }

    public static ServiceSpec withEnv(ServiceSpec s, List<io.atonix.api.v1beta1.common.EnvVar> env) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                env,
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                s.metrics(),
                s.uses());
    }

    public static ServiceSpec withUses(ServiceSpec s, io.atonix.api.v1beta1.appstack.ServiceUse... uses) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                s.metrics(),
                List.of(uses));
    }

    public static ServiceSpec withProbes(ServiceSpec s, io.atonix.api.v1beta1.common.Probes probes) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                probes,
                s.autoscale(),
                s.routes(),
                s.metrics(),
                s.uses());
    }

    public static ServiceSpec withMetrics(ServiceSpec s, io.atonix.api.v1beta1.appstack.Metrics metrics) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                metrics,
                s.uses());
    }
}
