package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The keys of the Secrets and ConfigMaps a stack's spec names, read from the API server in the stack's namespace. */
final class ReferencedKeys {
    private ReferencedKeys() {}

    /** (kind, name) to the object's keys, or null when it does not exist. */
    static BiFunction<String, String, Map<String, ?>> lookup(Context<AppStack> context, AppStack stack) {
        KubernetesClient client = context.getClient();
        String namespace = stack.getMetadata().getNamespace();
        return (kind, name) -> {
            if ("Secret".equals(kind)) {
                Secret secret =
                        client.secrets().inNamespace(namespace).withName(name).get();
                return secret == null ? null : keys(secret.getData(), secret.getStringData());
            }
            ConfigMap configMap =
                    client.configMaps().inNamespace(namespace).withName(name).get();
            return configMap == null ? null : keys(configMap.getData(), configMap.getBinaryData());
        };
    }

    private static Map<String, ?> keys(Map<String, String> a, Map<String, String> b) {
        Map<String, Object> keys = new HashMap<>();
        if (a != null) {
            keys.putAll(a);
        }
        if (b != null) {
            keys.putAll(b);
        }
        return keys;
    }
}
