package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.keda.EventScaling;
import io.atonix.operator.keda.ScaledObjects;
import io.atonix.operator.keda.TriggerAuthentications;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The desired state of a stack as a pure function: {@code AppStack -> objects}. The controller's dependents, the
 * render command and the tests all call it; nothing here talks to a cluster.
 */
public final class AppStackResources {

    private AppStackResources() {}

    /**
     * Every object the operator creates for the stack, in the order a person would apply them: the HTTPRoutes in
     * Gateway mode and the cert-manager Certificates where the cluster serves those APIs.
     */
    public static List<HasMetadata> desired(AppStack stack, PlatformSettings platform, BindingChecksums checksums) {
        return desired(stack, platform, checksums, EventScaling.withoutKeda());
    }

    /** {@link #desired}, with ScaledObjects in place of the HPAs of services with triggers where KEDA runs. */
    public static List<HasMetadata> desired(
            AppStack stack, PlatformSettings platform, BindingChecksums checksums, EventScaling scaling) {
        List<HasMetadata> objects = new ArrayList<>();
        ChildPostgres.desired(stack).ifPresent(objects::add);
        ChildRedis.desired(stack).ifPresent(objects::add);
        for (ServiceSpec service : stack.getSpec().services()) {
            objects.add(ServiceAccounts.desired(stack, service));
            objects.add(Deployments.desired(stack, service, checksums));
            Services.desired(stack, service).ifPresent(objects::add);
            Autoscalers.desired(stack, service, scaling.kedaInstalled()).ifPresent(objects::add);
            if (scaling.kedaInstalled()) {
                TriggerAuthentications.desired(stack, service, scaling.kafka()).ifPresent(objects::add);
                ScaledObjects.desired(stack, service, scaling.kafka(), platform.prometheus())
                        .ifPresent(objects::add);
            }
            DisruptionBudgets.desired(stack, service).ifPresent(objects::add);
        }
        objects.addAll(Migrations.desired(stack).values());
        objects.addAll(ScheduledJobObjects.desired(stack).values());
        Ingresses.desired(stack, platform).ifPresent(objects::add);
        objects.addAll(HttpRoutes.desired(stack, platform).values());
        objects.addAll(Certificates.desired(stack).values());
        objects.addAll(NetworkPolicies.desired(stack, platform.network()).values());
        return objects;
    }

    /** {@link #desired} and the stack's monitoring objects: what the operator creates where the Prometheus Operator runs. */
    public static List<HasMetadata> withMonitoring(
            AppStack stack, PlatformSettings platform, BindingChecksums checksums) {
        return withMonitoring(stack, platform, checksums, EventScaling.withoutKeda());
    }

    public static List<HasMetadata> withMonitoring(
            AppStack stack, PlatformSettings platform, BindingChecksums checksums, EventScaling scaling) {
        List<HasMetadata> objects = desired(stack, platform, checksums, scaling);
        objects.addAll(StackMonitoring.desired(stack, platform));
        return objects;
    }

    /** One object per service for which the builder yields one, keyed by service name. */
    public static <T> Map<String, T> perService(
            AppStack stack, BiFunction<AppStack, ServiceSpec, Optional<T>> builder) {
        Map<String, T> result = new LinkedHashMap<>();
        for (ServiceSpec service : stack.getSpec().services()) {
            builder.apply(stack, service).ifPresent(object -> result.put(service.name(), object));
        }
        return result;
    }
}
