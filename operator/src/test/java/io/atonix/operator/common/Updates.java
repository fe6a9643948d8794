package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Consumer;

/** Changes a resource as a person's client would: read, change, write, and read again when the operator wrote first. */
public final class Updates {

    private Updates() {}

    public static <T extends HasMetadata> T change(
            KubernetesClient client, Class<T> type, String namespace, String name, Consumer<T> change) {
        for (int attempt = 1; ; attempt++) {
            T resource =
                    client.resources(type).inNamespace(namespace).withName(name).get();
            change.accept(resource);
            try {
                return client.resource(resource).update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Writes a resource's status as its controller would: read, change, write the status, again on a conflict. */
    public static <T extends HasMetadata> T changeStatus(
            KubernetesClient client, Class<T> type, String namespace, String name, Consumer<T> change) {
        for (int attempt = 1; ; attempt++) {
            T resource =
                    client.resources(type).inNamespace(namespace).withName(name).get();
            change.accept(resource);
            try {
                return client.resource(resource).updateStatus();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
