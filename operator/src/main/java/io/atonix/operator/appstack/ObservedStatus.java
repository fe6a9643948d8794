package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.edge.CertManagerApi;
import io.atonix.operator.edge.Certificate;
import io.atonix.operator.edge.GatewayApi;
import io.atonix.operator.jobs.MigrationStatus;
import io.atonix.operator.kafka.KafkaOutcome;
import io.atonix.operator.keda.AutoscalingStatus;
import io.atonix.operator.keda.KedaApi;
import io.atonix.operator.keda.KedaFallbackEvent;
import io.atonix.operator.keda.ScaledObject;
import io.atonix.operator.monitoring.PrometheusOperatorApi;
import io.atonix.operator.objectstore.ObjectStoreStep;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stack's status from what the informers hold after a reconcile: services, data stores, Kafka and monitoring. */
final class ObservedStatus {

    private ObservedStatus() {}

    static AppStackStatus of(
            AppStack stack, Context<AppStack> context, KafkaOutcome kafkaOutcome, PlatformSettings platform) {
        String name = stack.getMetadata().getName();
        Map<String, Deployment> deployments = Secondaries.labelled(
                context, Deployment.class, Labels.STACK, name, d -> Secondaries.label(d, Labels.SERVICE));
        Postgres postgres = Secondaries.labelled(
                        context, Postgres.class, Labels.STACK, name, p -> ChildPostgresDependent.KEY)
                .get(ChildPostgresDependent.KEY);
        Redis redis = Secondaries.labelled(context, Redis.class, Labels.STACK, name, r -> ChildRedisDependent.KEY)
                .get(ChildRedisDependent.KEY);
        Instant now = Instant.now();
        List<ComponentStatus> more = new ArrayList<>(edge(stack, context, platform));
        ObjectStoreStep.outcome(context).ifPresent(more::add);
        AppStackStatus status = MonitoringStatus.withComponent(
                stack,
                AppStackStatusBuilder.observed(
                        stack,
                        deployments,
                        postgres,
                        redis,
                        kafkaOutcome.component().orElse(null),
                        more,
                        now),
                PrometheusOperatorApi.installed(context.getClient()));
        boolean keda = KedaApi.installed(context.getClient());
        // The ScaledObject informer runs only while KEDA's CRDs exist (the dependent's activation condition).
        Map<String, ScaledObject> scaledObjects = keda
                ? Secondaries.labelled(
                        context, ScaledObject.class, Labels.STACK, name, o -> Secondaries.label(o, Labels.SERVICE))
                : Map.of();
        status = AutoscalingStatus.withComponent(stack, status, keda, scaledObjects);
        KedaFallbackEvent.recordIfNew(context.getClient(), stack, status);
        return ComponentTimes.settled(stack, status, now);
    }

    /** A Migration component per job that runs before a rollout, from its current version's Job. */
    private static List<ComponentStatus> migrations(AppStack stack, Context<AppStack> context) {
        Map<String, Job> jobs = MigrationJobDependent.inCluster(stack, context);
        return Migrations.of(stack).stream()
                .map(job -> {
                    String name = Migrations.jobName(stack, job);
                    return MigrationStatus.of(job, name, jobs.get(name));
                })
                .toList();
    }

    /**
     * The Certificates, Routes, SignIn and Migration components. The informers of the first two run only while
     * cert-manager's and the Gateway API's CRDs exist (the dependents' activation conditions), so the stored objects
     * are read only then.
     */
    private static List<ComponentStatus> edge(AppStack stack, Context<AppStack> context, PlatformSettings platform) {
        String name = stack.getMetadata().getName();
        List<ComponentStatus> components = new ArrayList<>();
        boolean certManager = !Certificates.desired(stack).isEmpty() && CertManagerApi.installed(context.getClient());
        Map<String, Certificate> certificates = certManager
                ? Secondaries.labelled(context, Certificate.class, Labels.STACK, name, Certificates::host)
                : Map.of();
        CertificatesStatus.of(stack, certificates, certManager).ifPresent(components::add);
        boolean gatewayApi = platform.edge().gatewayMode() && GatewayApi.installed(context.getClient());
        Map<String, HTTPRoute> routes = gatewayApi
                ? Secondaries.labelled(context, HTTPRoute.class, Labels.STACK, name, HttpRoutes::key)
                : Map.of();
        RoutesStatus.of(stack, platform, routes, gatewayApi).ifPresent(components::add);
        Map<String, Deployment> proxies = Secondaries.labelled(
                context, Deployment.class, Labels.STACK, name, d -> Secondaries.label(d, Labels.AUTH_PROXY));
        SignInStatus.of(stack, proxies).ifPresent(components::add);
        components.addAll(migrations(stack, context));
        return components;
    }
}
