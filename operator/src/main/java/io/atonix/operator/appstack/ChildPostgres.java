package io.atonix.operator.appstack;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ComponentStatus;
import io.atonix.api.v1alpha1.appstack.MonitoringSpec;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.api.v1alpha1.appstack.ServiceUse;
import io.atonix.api.v1alpha1.appstack.UseKind;
import io.atonix.api.v1alpha1.common.ConditionTypes;
import io.atonix.api.v1alpha1.common.ExporterMonitoring;
import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.api.v1alpha1.postgres.PostgresSpec;
import io.atonix.api.v1alpha1.postgres.RoleSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stack's PostgreSQL as a child Postgres resource, {@code <stack>-postgres}: the composition the Postgres
 * controller then reconciles like any standalone one. Its deletion policy defaults to the stack's.
 */
public final class ChildPostgres {
    public static final String COMPONENT = "Postgres";

    private ChildPostgres() {}

    public static Optional<Postgres> desired(AppStack stack) {
        PostgresSpec spec = stack.getSpec().postgres();
        if (spec == null) {
            return Optional.empty();
        }
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, "postgres");
        labels.put(Labels.COMPONENT, "database");
        labels.put(Labels.PART_OF, stackName);
        labels.put(Labels.MANAGED_BY, Labels.OPERATOR);
        labels.put(Labels.STACK, stackName);
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName(Names.postgres(stackName))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(stack))
                .build());
        postgres.setSpec(new PostgresSpec(
                spec.version(),
                spec.instances(),
                spec.storage(),
                spec.storageClassName(),
                spec.databases(),
                roles(stack),
                spec.parameters(),
                spec.resources(),
                spec.backup(),
                spec.deletionPolicy() != null
                        ? spec.deletionPolicy()
                        : stack.getSpec().deletionPolicyOrDefault(),
                monitoring(stack),
                spec.binding()));
        return Optional.of(StackObjects.finish(postgres));
    }

    /**
     * The exporter's ServiceMonitor follows the stack's spec.monitoring: off when the stack turns scraping off, and
     * labelled with the stack's labels as well as those of spec.postgres.monitoring.
     */
    static ExporterMonitoring monitoring(AppStack stack) {
        MonitoringSpec monitoring = stack.getSpec().monitoring() == null
                ? MonitoringSpec.defaults()
                : stack.getSpec().monitoring();
        ExporterMonitoring own = stack.getSpec().postgres().monitoringOrDefault();
        Map<String, String> labels = new TreeMap<>(monitoring.labels());
        labels.putAll(own.labels());
        boolean enabled = monitoring.scrapingEnabled() && own.scrapingEnabled();
        if (enabled && labels.isEmpty()) {
            return null;
        }
        return new ExporterMonitoring(enabled, labels);
    }

    /** The roles the stack declares, then one per use of a database, named {@code <service>-<use>}. */
    static List<RoleSpec> roles(AppStack stack) {
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        stack.getSpec().postgres().roles().forEach(role -> roles.put(role.name(), role));
        for (ServiceSpec service : stack.getSpec().services()) {
            for (ServiceUse use : service.uses(UseKind.Postgres)) {
                String login = Names.login(service.name(), use.name());
                roles.put(
                        login,
                        new RoleSpec(
                                login, use.postgres().database(), use.postgres().accessOrDefault()));
            }
        }
        return List.copyOf(roles.values());
    }

    /** The stack's view of its child: ready when the child says so, with the child's own reason and message. */
    static ComponentStatus status(AppStack stack, Postgres child) {
        String name = Names.postgres(stack.getMetadata().getName());
        if (child == null || child.getStatus() == null) {
            return new ComponentStatus(
                    COMPONENT, name, false, "Creating", "waiting for Postgres " + name + " to report");
        }
        return Conditions.find(child.getStatus().conditions(), ConditionTypes.READY)
                .map(ready -> new ComponentStatus(
                        COMPONENT, name, ready.holds(), ready.reason(), ready.holds() ? null : ready.message()))
                .orElse(new ComponentStatus(
                        COMPONENT, name, false, "Creating", "waiting for Postgres " + name + " to report"));
    }
}
