package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@KubernetesDependent(
        informer =
                @Informer(
                        labelSelector = Labels.STACK_CHILDREN_SELECTOR,
                        itemStore = WithoutManagedFields.class,
                        onUpdateFilter = DeploymentUpdates.class))
public class DeploymentDependent extends ServiceObjectDependent<Deployment> {

    public DeploymentDependent() {
        super(Deployment.class);
    }

    /**
     * The new version once every migration that runs before the service succeeded for it; until then the Deployment
     * as it is (none on the stack's first creation), so its pods keep the previous version.
     */
    @Override
    protected Optional<Deployment> desired(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        if (!Migrations.mayRollOut(stack, service, MigrationJobDependent.inCluster(stack, context))) {
            return Optional.ofNullable(current(stack, service, context));
        }
        return Optional.of(Deployments.desired(stack, service, names -> checksum(names, context)));
    }

    private static Deployment current(AppStack stack, ServiceSpec service, Context<AppStack> context) {
        return Secondaries.labelled(
                        context,
                        Deployment.class,
                        Labels.STACK,
                        stack.getMetadata().getName(),
                        d -> Secondaries.label(d, Labels.SERVICE))
                .get(service.name());
    }

    /** From the binding Secrets in the stack's Secret informer (see {@link AppStackReconciler#prepareEventSources}). */
    private static Optional<String> checksum(List<String> names, Context<AppStack> context) {
        Map<String, Secret> byName = new HashMap<>();
        context.getSecondaryResourcesAsStream(Secret.class)
                .forEach(s -> byName.put(s.getMetadata().getName(), s));
        return SecretChecksum.of(
                names.stream().map(byName::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Deployment update(Deployment actual, Deployment desired, AppStack primary, Context<AppStack> context) {
        if (desired.getSpec().getReplicas() == null && actual.getSpec() != null) {
            // An update replaces the spec: keep the replica count the autoscaler chose.
            desired = new DeploymentBuilder(desired)
                    .editSpec()
                    .withReplicas(actual.getSpec().getReplicas())
                    .endSpec()
                    .build();
        }
        return super.update(actual, desired, primary, context);
    }
}
