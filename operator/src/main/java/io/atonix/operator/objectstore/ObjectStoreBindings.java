package io.atonix.operator.objectstore;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.operator.binding.ObjectStoreBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The binding Secrets of the stack's uses of object stores, {@code <stack>-objectstore-<service>-<use>-login} in the
 * stack's namespace: the store's endpoint, bucket and region from the spec, and the access key copied from the
 * credentials Secret the store names, which is only ever looked up in the stack's own namespace.
 */
public final class ObjectStoreBindings {
    /** The app.kubernetes.io/component label that tells these Secrets from the stack's other generated Secrets. */
    public static final String COMPONENT = "objectstore-binding";

    /** One use of an object store by a service, with the store it names. */
    public record Binding(ServiceSpec service, ServiceUse use, ObjectStore store) {}

    private ObjectStoreBindings() {}

    /** Every use of a declared object store in the stack, in the order of services, then jobs, and their uses. */
    public static List<Binding> of(AppStack stack) {
        List<Binding> bindings = new ArrayList<>();
        for (ServiceSpec service : stack.getSpec().workloads()) {
            for (ServiceUse use : service.uses(UseKind.ObjectStore)) {
                stack.getSpec()
                        .objectStore(use.objectStore().store())
                        .ifPresent(store -> bindings.add(new Binding(service, use, store)));
            }
        }
        return bindings;
    }

    public static String secretName(AppStack stack, ServiceSpec service, ServiceUse use) {
        return ObjectStoreBinding.secretName(stack.getMetadata().getName(), Names.login(service.name(), use.name()));
    }

    /**
     * The binding Secret, or none while the credentials Secret lacks a key the store names.
     *
     * @param credentials the data (base64, as stored) of the store's credentials Secret
     */
    public static Optional<Secret> desired(AppStack stack, Binding binding, Map<String, String> credentials) {
        ObjectStoreCredentials keys = binding.store().credentials();
        String accessKeyId = credentials.get(keys.accessKeyIdKeyOrDefault());
        String secretAccessKey = credentials.get(keys.secretAccessKeyKeyOrDefault());
        if (accessKeyId == null || secretAccessKey == null) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        put(data, ObjectStoreBinding.ENDPOINT, binding.store().endpoint());
        put(data, ObjectStoreBinding.BUCKET, binding.store().bucket());
        put(data, ObjectStoreBinding.REGION, binding.store().regionOrDefault());
        data.put(ObjectStoreBinding.ACCESS_KEY_ID, accessKeyId);
        data.put(ObjectStoreBinding.SECRET_ACCESS_KEY, secretAccessKey);
        return Optional.of(secret(stack, binding, ObjectStoreBinding.PROVIDER, data));
    }

    /** The binding Secret of a use of a store that names a BucketClaim, from the BucketInfo COSI granted it. */
    public static Secret desired(AppStack stack, Binding binding, BucketInfo info) {
        Map<String, String> data = new TreeMap<>();
        put(data, ObjectStoreBinding.ENDPOINT, info.endpoint());
        put(data, ObjectStoreBinding.BUCKET, info.bucket());
        put(data, ObjectStoreBinding.REGION, info.region());
        put(data, ObjectStoreBinding.ACCESS_KEY_ID, info.accessKeyId());
        put(data, ObjectStoreBinding.SECRET_ACCESS_KEY, info.secretAccessKey());
        return secret(stack, binding, ObjectStoreBinding.PROVIDER_COSI, data);
    }

    /** @param data the binding's values in base64, without its type and provider */
    private static Secret secret(AppStack stack, Binding binding, String provider, Map<String, String> data) {
        put(data, ServiceBinding.TYPE, ObjectStoreBinding.TYPE);
        put(data, ServiceBinding.PROVIDER, provider);
        Map<String, String> labels = Labels.forService(
                stack.getMetadata().getName(), binding.service().name());
        labels.put(Labels.COMPONENT, COMPONENT);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(secretName(stack, binding.service(), binding.use()))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(stack))
                .endMetadata()
                .withType(ObjectStoreBinding.SECRET_TYPE)
                .withData(data)
                .build();
        return DesiredHash.stamp(secret);
    }

    /**
     * What render shows: each binding Secret with the copied access key spelled out as where it comes from, since the
     * credentials Secret is only read in the cluster.
     */
    public static List<Secret> rendered(AppStack stack) {
        List<Secret> secrets = new ArrayList<>();
        for (Binding binding : of(stack)) {
            if (binding.store().claimed()) {
                secrets.add(granted(stack, binding));
                continue;
            }
            ObjectStoreCredentials keys = binding.store().credentials();
            Secret secret = desired(
                            stack,
                            binding,
                            Map.of(
                                    keys.accessKeyIdKeyOrDefault(), "",
                                    keys.secretAccessKeyKeyOrDefault(), ""))
                    .orElseThrow();
            secret.getData().remove(ObjectStoreBinding.ACCESS_KEY_ID);
            secret.getData().remove(ObjectStoreBinding.SECRET_ACCESS_KEY);
            secret.setStringData(new TreeMap<>(Map.of(
                    ObjectStoreBinding.ACCESS_KEY_ID,
                    copied(keys.secretName(), keys.accessKeyIdKeyOrDefault()),
                    ObjectStoreBinding.SECRET_ACCESS_KEY,
                    copied(keys.secretName(), keys.secretAccessKeyKeyOrDefault()))));
            secrets.add(DesiredHash.stamp(secret));
        }
        return secrets;
    }

    /** A claimed store's binding as render shows it: every value is COSI's, known once it granted the access. */
    private static Secret granted(AppStack stack, Binding binding) {
        String from = "<from the BucketInfo COSI writes into Secret " + BucketAccesses.secretName(stack, binding)
                + " for BucketAccess " + BucketAccesses.name(stack, binding) + ">";
        Secret secret = secret(stack, binding, ObjectStoreBinding.PROVIDER_COSI, new TreeMap<>());
        Map<String, String> values = new TreeMap<>();
        for (String key : List.of(
                ObjectStoreBinding.ENDPOINT,
                ObjectStoreBinding.BUCKET,
                ObjectStoreBinding.REGION,
                ObjectStoreBinding.ACCESS_KEY_ID,
                ObjectStoreBinding.SECRET_ACCESS_KEY)) {
            values.put(key, from);
        }
        secret.setStringData(values);
        return DesiredHash.stamp(secret);
    }

    private static String copied(String secret, String key) {
        return "<copied from Secret " + secret + ", key " + key + ", when it exists>";
    }

    /**
     * What a Secret of this binding's name that already exists says about whose it is: the stack's own binding, or
     * something else (a user's Secret, another stack's) that the operator must leave alone.
     */
    public static boolean owns(AppStack stack, Secret existing) {
        Map<String, String> labels = existing.getMetadata().getLabels();
        return labels != null
                && COMPONENT.equals(labels.get(Labels.COMPONENT))
                && stack.getMetadata().getName().equals(labels.get(Labels.PART_OF))
                && Labels.OPERATOR.equals(labels.get(Labels.MANAGED_BY));
    }

    private static void put(Map<String, String> data, String key, String value) {
        data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
}
