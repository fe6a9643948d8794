package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * How a resource tells that it reopened data an earlier resource of its name and kind kept under Retain: a condition
 * {@value #CONDITION} (True, reason {@value #REASON}) that stays for the life of the resource, and a Normal Event of the
 * same reason when it happens.
 */
public final class ReopenedData {
    public static final String CONDITION = "RetainedDataReused";
    public static final String REASON = "AdoptedRetainedData";

    private ReopenedData() {}

    /**
     * The conditions, with {@value #CONDITION} appended: about what was adopted now, when anything was; otherwise the
     * one the previous status had, if any.
     */
    public static List<Condition> with(
            List<Condition> conditions, List<Condition> previous, HasMetadata primary, List<String> adoptedNow) {
        List<Condition> result = new ArrayList<>(conditions);
        if (!adoptedNow.isEmpty()) {
            result.add(Conditions.of(
                    CONDITION,
                    true,
                    REASON,
                    message(primary, adoptedNow),
                    primary.getMetadata().getGeneration()));
        } else {
            Conditions.find(previous, CONDITION).ifPresent(result::add);
        }
        return result;
    }

    public static void record(KubernetesClient client, HasMetadata primary, List<String> adopted) {
        if (!adopted.isEmpty()) {
            EventRecorder.record(client, primary, EventRecorder.NORMAL, REASON, message(primary, adopted));
        }
    }

    static String message(HasMetadata primary, List<String> adopted) {
        return "Reopened what an earlier " + primary.getKind() + " "
                + primary.getMetadata().getName() + " kept under deletionPolicy Retain: " + String.join(", ", adopted);
    }
}
