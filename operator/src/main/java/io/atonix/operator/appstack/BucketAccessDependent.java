package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.Secondaries;
import io.atonix.operator.common.WithoutManagedFields;
import io.atonix.operator.objectstore.BucketAccess;
import io.atonix.operator.objectstore.BucketAccesses;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The COSI BucketAccess of each use of an object store that names a BucketClaim, keyed by name, where COSI runs;
 * removed with the use, and COSI then revokes the access and deletes its Secret.
 */
@KubernetesDependent(
        informer = @Informer(labelSelector = Labels.STACK_CHILDREN_SELECTOR, itemStore = WithoutManagedFields.class))
public class BucketAccessDependent extends StackChildDependent<BucketAccess> {

    @Inject
    PlatformSettings platform;

    public BucketAccessDependent() {
        super(BucketAccess.class);
    }

    @Override
    public Map<String, BucketAccess> desiredResources(AppStack primary, Context<AppStack> context) {
        return BucketAccesses.desired(primary, platform.cosi());
    }

    @Override
    public Map<String, BucketAccess> getSecondaryResources(AppStack primary, Context<AppStack> context) {
        return Secondaries.labelled(
                context,
                BucketAccess.class,
                Labels.STACK,
                primary.getMetadata().getName(),
                access -> BucketAccesses.COMPONENT.equals(Secondaries.label(access, Labels.COMPONENT))
                        ? access.getMetadata().getName()
                        : null);
    }
}
