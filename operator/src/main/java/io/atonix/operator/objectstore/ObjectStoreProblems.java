package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What keeps a use of an object store from its binding, each a sentence a person can act on, and the stack's
 * "ObjectStores" component that reports them: False holds the stack's readiness back, since a service without its
 * binding cannot start its pods.
 */
public final class ObjectStoreProblems {
    public static final String COMPONENT = "ObjectStores";
    public static final String REASON_BOUND = "Bound";
    public static final String REASON_NOT_BOUND = "BindingNotWritten";

    private ObjectStoreProblems() {}

    static String credentials(AppStack stack, ObjectStoreBindings.Binding binding, Optional<Secret> credentials) {
        ObjectStoreCredentials keys = binding.store().credentials();
        String where = "Secret " + keys.secretName() + " (spec.objectStores["
                + binding.store().name() + "].credentials)";
        String use = ": service " + binding.service().name() + " has no binding for use "
                + binding.use().name();
        if (credentials.isEmpty()) {
            return where + " does not exist in namespace " + stack.getMetadata().getNamespace() + use;
        }
        Map<String, String> data = CredentialsSecrets.data(credentials.get());
        List<String> missing = List.of(keys.accessKeyIdKeyOrDefault(), keys.secretAccessKeyKeyOrDefault()).stream()
                .filter(key -> !data.containsKey(key))
                .toList();
        return where + " has no key " + String.join(" and no key ", missing) + use;
    }

    static String cosiMissing(ObjectStoreBindings.Binding binding) {
        return "object store " + binding.store().name() + " names BucketClaim "
                + binding.store().bucketClaim()
                + ", but COSI is not installed in this cluster (the API server serves no objectstorage.k8s.io"
                + " BucketAccess): service " + binding.service().name() + " has no binding for use "
                + binding.use().name() + "; install COSI, or give the store endpoint, bucket and credentials";
    }

    static String notGranted(AppStack stack, ObjectStoreBindings.Binding binding) {
        return "object store " + binding.store().name() + ": COSI has not granted BucketAccess "
                + BucketAccesses.name(stack, binding) + " to BucketClaim "
                + binding.store().bucketClaim()
                + " yet (no Secret " + BucketAccesses.secretName(stack, binding) + "): service "
                + binding.service().name() + " has no binding for use "
                + binding.use().name()
                + "; the claim's bucket must be ready and its BucketAccessClass exist";
    }

    static String unusable(AppStack stack, ObjectStoreBindings.Binding binding, String problem) {
        return "object store " + binding.store().name() + ": Secret " + BucketAccesses.secretName(stack, binding)
                + " of BucketAccess " + BucketAccesses.name(stack, binding) + " " + problem + ": service "
                + binding.service().name() + " has no binding for use "
                + binding.use().name();
    }

    static String nameTaken(ObjectStoreBindings.Binding binding, String name) {
        return "Secret " + name + " exists and is not the binding of service "
                + binding.service().name() + "'s use " + binding.use().name()
                + ": the operator leaves it alone; rename it or the use";
    }

    /** Ready with every binding written, not ready with what is missing; none for a stack without object stores. */
    static Optional<ComponentStatus> component(AppStack stack, List<String> problems) {
        if (stack.getSpec().objectStores().isEmpty()) {
            return Optional.empty();
        }
        boolean ready = problems.isEmpty();
        return Optional.of(ComponentStatus.of(
                COMPONENT,
                null,
                ready,
                ready ? REASON_BOUND : REASON_NOT_BOUND,
                ready ? "" : String.join("; ", problems)));
    }
}
