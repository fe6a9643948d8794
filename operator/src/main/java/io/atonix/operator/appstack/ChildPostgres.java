package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's PostgreSQL as a child Postgres resource, {@code <stack>-postgres}: the composition the Postgres
 * controller then reconciles like any standalone one: the stack's server, a role per service that uses it, the
 * stack's deletion policy and monitoring, and no binding (services are bound by their uses).
 */
public final class ChildPostgres {
    public static final String COMPONENT = "Postgres";

    private ChildPostgres() {}

    public static Optional<Postgres> desired(AppStack stack) {
        StackPostgres spec = stack.getSpec().postgres();
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
                spec.databases(),
                roles(stack),
                spec.parameters(),
                spec.resources(),
                spec.backup(),
                stack.getSpec().deletionPolicyOrDefault(),
                StackExporterMonitoring.of(stack),
                null,
                spec.bootstrap(),
                spec.tls()));
        return Optional.of(StackObjects.finish(postgres));
    }

    /** One role per use of a database, named {@code <service>-<use>}. */
    static List<RoleSpec> roles(AppStack stack) {
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        for (ServiceSpec service : stack.getSpec().workloads()) {
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
        return ChildReadiness.of(
                COMPONENT,
                "Postgres",
                Names.postgres(stack.getMetadata().getName()),
                child == null || child.getStatus() == null
                        ? null
                        : child.getStatus().conditions());
    }
}
