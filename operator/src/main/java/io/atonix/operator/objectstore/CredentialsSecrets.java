package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.operator.common.WithoutManagedFields;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user's Secrets that object stores name for their access key, and the Secrets COSI writes the access of a
 * claimed store into. Neither is the operator's, so they carry none of the
 * operator's labels: the informer watches the Secrets of the stacks' namespaces, and an index of the stacks by the
 * Secrets they name maps a change to exactly the stacks that read it (never to one of another namespace), whose
 * binding Secrets then follow. Reads come from this cache, so a reconcile makes no request for them.
 */
public final class CredentialsSecrets {
    public static final String EVENT_SOURCE = "objectstore-credentials";
    private static final String INDEX = "objectstore-credentials-by-secret";

    private CredentialsSecrets() {}

    public static InformerEventSource<Secret, AppStack> source(EventSourceContext<AppStack> context) {
        context.getPrimaryCache().addIndexer(INDEX, CredentialsSecrets::named);
        var config = InformerEventSourceConfiguration.from(Secret.class, AppStack.class)
                .withName(EVENT_SOURCE)
                .withItemStore(new WithoutManagedFields<>())
                .withSecondaryToPrimaryMapper(secret -> context
                        .getPrimaryCache()
                        .byIndex(
                                INDEX,
                                key(
                                        secret.getMetadata().getNamespace(),
                                        secret.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
                .build();
        return new InformerEventSource<>(config, context);
    }

    /**
     * The keys of the credentials Secrets the stack's object stores name, and of those COSI writes for the uses of its
     * claimed stores, all in the stack's namespace.
     */
    static List<String> named(AppStack stack) {
        if (stack.getSpec() == null) {
            return List.of();
        }
        String namespace = stack.getMetadata().getNamespace();
        Stream<String> given = stack.getSpec().objectStores().stream()
                .filter(store -> !store.claimed())
                .map(store -> store.credentials().secretName());
        Stream<String> granted = ObjectStoreBindings.of(stack).stream()
                .filter(binding -> binding.store().claimed())
                .map(binding -> BucketAccesses.secretName(stack, binding));
        return Stream.concat(given, granted)
                .map(name -> key(namespace, name))
                .distinct()
                .toList();
    }

    /** The store's credentials Secret, from the stack's namespace only; empty while it does not exist. */
    static Optional<Secret> of(AppStack stack, ObjectStore store, Context<AppStack> context) {
        return informer(context)
                .get(new ResourceID(
                        store.credentials().secretName(), stack.getMetadata().getNamespace()));
    }

    /** Any Secret of the stack's namespace by name, which tells whether a binding's name is taken. */
    static Optional<Secret> inNamespace(AppStack stack, String name, Context<AppStack> context) {
        return informer(context).get(new ResourceID(name, stack.getMetadata().getNamespace()));
    }

    /** The Secret's values in base64, as data holds them, with stringData (not yet merged by a server) over them. */
    static Map<String, String> data(Secret secret) {
        Map<String, String> data = new TreeMap<>();
        if (secret.getData() != null) {
            data.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            secret.getStringData()
                    .forEach((key, value) ->
                            data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return data;
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Secret, AppStack> informer(Context<AppStack> context) {
        return (InformerEventSource<Secret, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(Secret.class, EVENT_SOURCE);
    }
}
