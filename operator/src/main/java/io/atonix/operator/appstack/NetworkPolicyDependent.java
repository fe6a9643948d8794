package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.StampedDependent;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.objectstore.ObjectStoreStep;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Map;

/** The stack's NetworkPolicies, keyed by name ({@link NetworkPolicies}); all removed when the stack turns them off. */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class NetworkPolicyDependent extends StampedDependent<NetworkPolicy, AppStack>
        implements BulkDependentResource<NetworkPolicy, AppStack, String> {

    @Inject
    PlatformSettings platform;

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class);
    }

    @Override
    public Map<String, NetworkPolicy> desiredResources(AppStack primary, Context<AppStack> context) {
        return NetworkPolicies.desired(primary, platform.network(), ObjectStoreStep.grantedEndpoints(context));
    }

    @Override
    public Map<String, NetworkPolicy> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                NetworkPolicy.class,
                Labels.STACK,
                primary.getMetadata().getName(),
                p -> p.getMetadata().getName());
    }

    @Override
    public void deleteTargetResource(AppStack primary, NetworkPolicy resource, String key, Context<AppStack> context) {
        context.getClient().resource(resource).delete();
    }
}
