package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer cache that drops {@code metadata.managedFields} from what it keeps. The API server adds them to every
 * object, fabric8 holds their {@code fieldsV1} as trees of maps, and nothing in the operator reads them: on the real
 * control plane they made the cache nearly twice as large (docs/performance.md).
 */
public class WithoutManagedFields<R extends HasMetadata> extends BasicItemStore<R> {

    public WithoutManagedFields() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public R put(String key, R object) {
        if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        return super.put(key, object);
    }
}
