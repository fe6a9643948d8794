package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.operator.common.CosiSettings;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The COSI BucketAccess of each use of an object store that names a BucketClaim, {@code <stack>-objectstore-<service>-
 * <use>} in the stack's namespace, owned by the stack. One per use rather than one per store, as each service has its
 * own KafkaUser: every service gets its own access key from the driver, so one can be revoked or rotated alone and the
 * store's logs tell which service did what; and the access goes with the use.
 */
public final class BucketAccesses {
    /** The app.kubernetes.io/component label of the BucketAccesses. */
    public static final String COMPONENT = "objectstore-access";

    private BucketAccesses() {}

    public static String name(AppStack stack, ObjectStoreBindings.Binding binding) {
        return stack.getMetadata().getName() + "-objectstore-"
                + Names.login(binding.service().name(), binding.use().name());
    }

    /** The Secret COSI writes the access's BucketInfo into; the operator never writes it. */
    public static String secretName(AppStack stack, ObjectStoreBindings.Binding binding) {
        return name(stack, binding) + "-cosi";
    }

    /** The store's own BucketAccessClass, else the platform's; none when neither names one. */
    public static Optional<String> accessClass(ObjectStore store, CosiSettings cosi) {
        return Optional.ofNullable(
                store.bucketAccessClassName() == null ? cosi.bucketAccessClassName() : store.bucketAccessClassName());
    }

    /** Keyed by name: the accesses of the uses of claimed stores that have a class (the validator refuses the rest). */
    public static Map<String, BucketAccess> desired(AppStack stack, CosiSettings cosi) {
        Map<String, BucketAccess> accesses = new LinkedHashMap<>();
        for (ObjectStoreBindings.Binding binding : ObjectStoreBindings.of(stack)) {
            ObjectStore store = binding.store();
            Optional<String> accessClass = accessClass(store, cosi);
            if (!store.claimed() || accessClass.isEmpty()) {
                continue;
            }
            Map<String, String> labels = Labels.forService(
                    stack.getMetadata().getName(), binding.service().name());
            labels.put(Labels.COMPONENT, COMPONENT);
            BucketAccess access = new BucketAccess();
            access.setMetadata(new ObjectMetaBuilder()
                    .withName(name(stack, binding))
                    .withNamespace(stack.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withOwnerReferences(Owners.controller(stack))
                    .build());
            access.setSpec(new BucketAccessSpec(
                    store.bucketClaim(), accessClass.get(), secretName(stack, binding), BucketAccessSpec.S3));
            accesses.put(access.getMetadata().getName(), DesiredHash.stamp(access));
        }
        return accesses;
    }
}
