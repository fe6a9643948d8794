package io.atonix.operator.realcluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;

/**
 * The pods a controller could not create in a namespace because Pod Security admission refused them. The controllers
 * (ReplicaSet, StatefulSet, Job, CronJob) create the pods of what the operator makes, so such a refusal never reaches
 * the operator or the test as an error: it is an Event {@code FailedCreate} on the controller's object, and a pod that
 * never appears.
 */
final class PodSecurityRefusals {
    private static final Set<String> CONTROLLERS = Set.of("ReplicaSet", "StatefulSet", "Job", "CronJob", "DaemonSet");

    private PodSecurityRefusals() {}

    /** The refusals in the namespace, as "Kind name: message". */
    static List<String> in(KubernetesClient admin, String namespace) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(PodSecurityRefusals::refusedByPodSecurity)
                .map(e -> e.getInvolvedObject().getKind() + " " + namespace + "/"
                        + e.getInvolvedObject().getName() + ": " + e.getMessage())
                .distinct()
                .toList();
    }

    private static boolean refusedByPodSecurity(Event event) {
        String message = event.getMessage() == null ? "" : event.getMessage();
        return "FailedCreate".equals(event.getReason())
                && CONTROLLERS.contains(event.getInvolvedObject().getKind())
                && (message.contains("PodSecurity") || message.contains("violates"));
    }
}
