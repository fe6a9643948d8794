package io.atonix.operator.realcluster;

import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's Secrets in a namespace as each was when first seen: sampled while the operator works, so that a
 * Secret whose data the operator wrote again (a regenerated credential) or that it made anew shows at the end.
 */
final class CredentialSamples {
    private final KubernetesClient admin;
    private final String namespace;
    private final Map<String, String> first = new TreeMap<>();

    CredentialSamples(KubernetesClient admin, String namespace) {
        this.admin = admin;
        this.namespace = namespace;
    }

    /** Takes a sample; a Secret seen before keeps its first one. */
    synchronized void sample() {
        now().forEach(first::putIfAbsent);
    }

    /** Each Secret when first seen, as "uid data". */
    synchronized Map<String, String> first() {
        return new TreeMap<>(first);
    }

    /** Each Secret now, as "uid data". */
    Map<String, String> now() {
        Map<String, String> secrets = new TreeMap<>();
        for (Secret secret : admin.secrets()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems()) {
            secrets.put(
                    secret.getMetadata().getName(),
                    secret.getMetadata().getUid() + " "
                            + (secret.getData() == null ? "{}" : new TreeMap<>(secret.getData())));
        }
        return secrets;
    }
}
