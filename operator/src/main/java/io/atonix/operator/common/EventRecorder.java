package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records an Event on a resource for each significant action, as kubectl describe shows them. */
public final class EventRecorder {
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    private static final int MAX_MESSAGE = 1024;

    private EventRecorder() {}

    public static void record(
            KubernetesClient client, HasMetadata regarding, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(regarding.getMetadata().getName() + "."
                        + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
                .withNamespace(regarding.getMetadata().getNamespace())
                .addToLabels(Labels.MANAGED_BY, Labels.OPERATOR)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(regarding.getApiVersion())
                .withKind(regarding.getKind())
                .withName(regarding.getMetadata().getName())
                .withNamespace(regarding.getMetadata().getNamespace())
                .withUid(regarding.getMetadata().getUid())
                .withResourceVersion(regarding.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(text)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(Labels.OPERATOR)
                .endSource()
                .withReportingComponent("atonix.io/operator")
                .withReportingInstance(Labels.OPERATOR)
                .build();
        try {
            client.v1()
                    .events()
                    .inNamespace(regarding.getMetadata().getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            // An event is a courtesy: failing to record one must not fail the reconcile.
            LOG.warnf(
                    "could not record event %s on %s/%s: %s",
                    reason, regarding.getKind(), regarding.getMetadata().getName(), e.getMessage());
        }
    }
}
