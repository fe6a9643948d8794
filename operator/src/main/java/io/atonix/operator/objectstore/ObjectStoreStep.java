package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.common.ChildChanges;
import io.atonix.operator.common.DesiredStateMatcher;
import io.atonix.operator.common.Labels;
import io.atonix.operator.kafka.KafkaStep;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the binding Secrets of the stack's uses of object stores before the workflow (so the Deployments' checksum
 * covers them), rewrites one when its store or credentials change, and deletes those no use needs any more. A use
 * whose credentials are missing keeps the binding it had and is reported; the rest of the stack reconciles.
 */
public final class ObjectStoreStep {
    /** Where the component waits, within one reconcile, for the status. */
    private static final String OUTCOME = "objectstores-outcome";
    /** Where the endpoints COSI granted wait, within one reconcile, for the NetworkPolicies. */
    private static final String GRANTED = "objectstores-granted";

    private ObjectStoreStep() {}

    /** Writes the bindings, and keeps the stack's "ObjectStores" component for {@link #outcome} in this reconcile. */
    public static void reconcile(AppStack stack, Context<AppStack> context) {
        context.managedWorkflowAndDependentResourceContext().put(OUTCOME, bind(stack, context));
    }

    /** The component the reconcile found; none for a stack without object stores, or before it ran. */
    @SuppressWarnings("unchecked")
    public static Optional<ComponentStatus> outcome(Context<AppStack> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .get(OUTCOME, Optional.class)
                .flatMap(component -> (Optional<ComponentStatus>) component);
    }

    private static Optional<ComponentStatus> bind(AppStack stack, Context<AppStack> context) {
        Map<String, Secret> stored = stored(stack, context);
        Set<String> wanted = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> endpoints = new TreeMap<>();
        for (ObjectStoreBindings.Binding binding : ObjectStoreBindings.of(stack)) {
            String name = ObjectStoreBindings.secretName(stack, binding.service(), binding.use());
            wanted.add(name);
            Optional<Secret> foreign = CredentialsSecrets.inNamespace(stack, name, context)
                    .filter(secret -> !ObjectStoreBindings.owns(stack, secret));
            if (foreign.isPresent()) {
                problems.add(ObjectStoreProblems.nameTaken(binding, name));
                continue;
            }
            if (binding.store().claimed()) {
                granted(stack, binding, context, problems, endpoints)
                        .ifPresent(secret -> write(stack, secret, stored.get(name), context));
                continue;
            }
            Optional<Secret> credentials = CredentialsSecrets.of(stack, binding.store(), context);
            Optional<Secret> desired = credentials.flatMap(
                    secret -> ObjectStoreBindings.desired(stack, binding, CredentialsSecrets.data(secret)));
            if (desired.isEmpty()) {
                problems.add(ObjectStoreProblems.credentials(stack, binding, credentials));
                continue;
            }
            write(stack, desired.get(), stored.get(name), context);
        }
        context.managedWorkflowAndDependentResourceContext().put(GRANTED, new GrantedEndpoints(endpoints));
        stored.values().stream()
                .filter(secret -> !wanted.contains(secret.getMetadata().getName()))
                .forEach(secret -> {
                    context.getClient().resource(secret).delete();
                    ChildChanges.record(
                            context,
                            stack,
                            ChildChanges.DELETED,
                            "Secret " + secret.getMetadata().getName());
                });
        return ObjectStoreProblems.component(stack, problems);
    }

    /**
     * The binding of a use of a claimed store, once COSI granted its BucketAccess; until then, or without COSI, a
     * problem and no binding (the use keeps the one it had, so no pod starts half-bound).
     */
    private static Optional<Secret> granted(
            AppStack stack,
            ObjectStoreBindings.Binding binding,
            Context<AppStack> context,
            List<String> problems,
            Map<String, String> endpoints) {
        if (!CosiApi.installed(context.getClient())) {
            problems.add(ObjectStoreProblems.cosiMissing(binding));
            return Optional.empty();
        }
        Optional<Secret> cosi =
                CredentialsSecrets.inNamespace(stack, BucketAccesses.secretName(stack, binding), context);
        if (cosi.isEmpty()) {
            problems.add(ObjectStoreProblems.notGranted(stack, binding));
            return Optional.empty();
        }
        BucketInfo.Result info = BucketInfo.of(cosi.get());
        if (info.info().isEmpty()) {
            problems.add(ObjectStoreProblems.unusable(stack, binding, info.problem()));
            return Optional.empty();
        }
        endpoints.put(binding.store().name(), info.info().get().endpoint());
        NamedEndpointEgress.granted(stack.getSpec(), binding, info.info().get().endpoint())
                .ifPresent(problems::add);
        return Optional.of(
                ObjectStoreBindings.desired(stack, binding, info.info().get()));
    }

    /** The endpoints COSI granted the stack's claimed stores, as this reconcile's bindings read them. */
    public static GrantedEndpoints grantedEndpoints(Context<AppStack> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .get(GRANTED, GrantedEndpoints.class)
                .orElse(GrantedEndpoints.none());
    }

    private static void write(AppStack stack, Secret desired, Secret actual, Context<AppStack> context) {
        var serialization = context.getClient().getKubernetesSerialization();
        if (actual != null && DesiredStateMatcher.matches(actual, desired, serialization)) {
            return;
        }
        var secrets =
                context.getClient().secrets().inNamespace(stack.getMetadata().getNamespace());
        Secret written;
        if (actual == null) {
            written = secrets.resource(desired).create();
            ChildChanges.record(
                    context,
                    stack,
                    ChildChanges.CREATED,
                    "Secret " + desired.getMetadata().getName());
        } else {
            Secret replacement = serialization.clone(desired);
            replacement.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
            written = secrets.resource(replacement).update();
            ChildChanges.record(
                    context,
                    stack,
                    ChildChanges.UPDATED,
                    "Secret " + desired.getMetadata().getName());
        }
        // The Deployments' checksum is computed from this cache in the same reconcile.
        bindingSecrets(context).handleRecentResourceCreate(ResourceID.fromResource(stack), written);
    }

    /** The stack's object store binding Secrets, by name, from the controller's binding-secrets informer. */
    private static Map<String, Secret> stored(AppStack stack, Context<AppStack> context) {
        return bindingSecrets(context).getSecondaryResources(stack).stream()
                .filter(s -> ObjectStoreBindings.COMPONENT.equals(
                        s.getMetadata().getLabels().get(Labels.COMPONENT)))
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s, (a, b) -> a));
    }

    @SuppressWarnings("unchecked")
    private static InformerEventSource<Secret, AppStack> bindingSecrets(Context<AppStack> context) {
        return (InformerEventSource<Secret, AppStack>)
                context.eventSourceRetriever().getEventSourceFor(Secret.class, KafkaStep.BINDING_SECRETS);
    }
}
