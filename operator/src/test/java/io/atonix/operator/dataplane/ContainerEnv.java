package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container's environment as the kubelet resolves it: values, Secret and ConfigMap keys, and pod fields. */
final class ContainerEnv {
    private final KubernetesClient client;

    ContainerEnv(KubernetesClient client) {
        this.client = client;
    }

    Map<String, String> resolve(Container container, PodContext pod) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnv() == null) {
            return env;
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), pod.local(value(var, pod)));
        }
        return env;
    }

    private String value(EnvVar var, PodContext pod) {
        if (var.getValueFrom() == null) {
            return var.getValue() == null ? "" : var.getValue();
        }
        var from = var.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            var secret = client.secrets()
                    .inNamespace(pod.namespace())
                    .withName(ref.getName())
                    .get();
            String encoded = secret == null || secret.getData() == null
                    ? null
                    : secret.getData().get(ref.getKey());
            if (encoded == null) {
                return missing(var, Boolean.TRUE.equals(ref.getOptional()));
            }
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            var map = client.configMaps()
                    .inNamespace(pod.namespace())
                    .withName(ref.getName())
                    .get();
            String value =
                    map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
            return value == null ? missing(var, Boolean.TRUE.equals(ref.getOptional())) : value;
        }
        if (from.getFieldRef() != null) {
            return field(from.getFieldRef().getFieldPath(), pod);
        }
        throw new IllegalStateException("unsupported env source of " + var.getName());
    }

    /** A pod field as a fieldRef names it: the env's and the downward API volume's. */
    static String field(String path, PodContext pod) {
        var meta = pod.pod().getMetadata();
        return switch (path) {
            case "metadata.name" -> meta.getName();
            case "metadata.namespace" -> meta.getNamespace();
            case "metadata.uid" -> meta.getUid();
            case "spec.nodeName" -> pod.pod().getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.pod().getSpec().getServiceAccountName();
            case "status.podIP", "status.podIPs" -> pod.podIp();
            case "status.hostIP", "status.hostIPs" -> "127.0.0.1";
            default -> {
                if (path.startsWith("metadata.labels['") && meta.getLabels() != null) {
                    yield meta.getLabels().getOrDefault(path.substring(17, path.length() - 2), "");
                }
                if (path.startsWith("metadata.annotations['") && meta.getAnnotations() != null) {
                    yield meta.getAnnotations().getOrDefault(path.substring(22, path.length() - 2), "");
                }
                throw new IllegalStateException("unsupported fieldRef " + path);
            }
        };
    }

    /** A missing key: an optional reference leaves the variable empty; otherwise the container cannot start. */
    private static String missing(EnvVar var, boolean optional) {
        if (optional) {
            return "";
        }
        throw new IllegalStateException("the value of " + var.getName() + " is not there yet");
    }
}
