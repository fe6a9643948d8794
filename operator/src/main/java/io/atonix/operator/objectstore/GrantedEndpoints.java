package io.atonix.operator.objectstore;

import java.util.Map;
import java.util.Optional;

/**
 * The endpoints COSI granted the stack's object stores that name a BucketClaim, by store name: known only once COSI
 * wrote their BucketInfo, so the NetworkPolicies' way out to them follows the reconcile that read it. Render and a
 * stack without such stores have none.
 */
public record GrantedEndpoints(Map<String, String> byStore) {

    public GrantedEndpoints {
        byStore = Map.copyOf(byStore);
    }

    public static GrantedEndpoints none() {
        return new GrantedEndpoints(Map.of());
    }

    public Optional<String> of(String store) {
        return Optional.ofNullable(byStore.get(store));
    }
}
