package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ObjectStoreUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.operator.appstack.TestStacks;
import java.util.List;

/** Stacks with object stores, as the object store tests write them: egress DeclaredOnly, so their rules show. */
public final class ObjectStoreStacks {

    private ObjectStoreStacks() {}

    public static ObjectStore store(String name, String endpoint, String bucket, String credentialsSecret) {
        return new ObjectStore(name, endpoint, bucket, null, new ObjectStoreCredentials(credentialsSecret, null, null));
    }

    public static ServiceUse uses(String name, String store) {
        return new ServiceUse(name, null, null, null, null, new ObjectStoreUse(store));
    }

    public static ServiceUse prefixed(ServiceUse use, String envPrefix) {
        return new ServiceUse(use.name(), envPrefix, use.postgres(), use.redis(), use.kafka(), use.objectStore());
    }

    public static AppStack stack(String namespace, String name, List<ObjectStore> stores, ServiceSpec... services) {
        AppStackSpec spec = new AppStackSpec(
                List.of(services),
                null,
                null,
                null,
                null,
                new NetworkPolicySpec(null, EgressMode.DeclaredOnly),
                null,
                null,
                null,
                null,
                null,
                null,
                stores);
        return TestStacks.stack(namespace, name, spec);
    }
}
