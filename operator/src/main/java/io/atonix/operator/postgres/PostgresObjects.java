package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.RetainedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** Metadata shared by the objects of one Postgres, and the finishing step every desired object passes through. */
final class PostgresObjects {
    static final String BACKUP_COMPONENT = "backup";

    private PostgresObjects() {}

    static ObjectMeta metadata(Postgres postgres, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(postgres.getMetadata().getNamespace())
                .withLabels(Labels.forPostgres(postgres.getMetadata().getName(), partOf(postgres)))
                .withOwnerReferences(Owners.controller(postgres))
                .build();
    }

    /**
     * The metadata of an object kept to reopen the data (a credential Secret, the backup claim): owned only under
     * deletionPolicy Delete ({@link RetainedData}).
     */
    static ObjectMeta kept(Postgres postgres, String name) {
        return RetainedData.held(
                metadata(postgres, name), postgres, postgres.getSpec().deletionPolicy(), true);
    }

    /**
     * The StatefulSet's selector, which also matches the pods of the backup Jobs (their controller is the Job, so the
     * StatefulSet never adopts them). It stays as it is: a StatefulSet's selector cannot be changed.
     */
    static Map<String, String> selector(Postgres postgres) {
        return Map.of(Labels.POSTGRES, postgres.getMetadata().getName());
    }

    /**
     * What the Services select: the server's pods alone. A backup Job's pod is Ready while pg_dump runs (it has no
     * readiness probe), so a Service that selected it by the Postgres' label alone would send clients' connections,
     * and Prometheus' scrapes, to a pod where nothing listens, for as long as every backup takes.
     */
    static Map<String, String> serverSelector(Postgres postgres) {
        return Map.of(Labels.POSTGRES, postgres.getMetadata().getName(), Labels.COMPONENT, Labels.POSTGRES_COMPONENT);
    }

    /**
     * The labels of a backup Job's pods: the Postgres' own (a stack's network policy lets its Postgres' pods reach the
     * server by them), but of the component {@value #BACKUP_COMPONENT}, which the Services do not select.
     */
    static Map<String, String> backupPodLabels(Postgres postgres) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(
                metadata(postgres, postgres.getMetadata().getName()).getLabels());
        labels.put(Labels.COMPONENT, BACKUP_COMPONENT);
        return labels;
    }

    /** A child Postgres of an AppStack is part of the stack (its part-of label says which); a standalone one of itself. */
    static String partOf(Postgres postgres) {
        Map<String, String> labels = postgres.getMetadata().getLabels();
        String stack = labels == null ? null : labels.get(Labels.PART_OF);
        return stack != null ? stack : postgres.getMetadata().getName();
    }

    static <T extends HasMetadata> T finish(T object) {
        return DesiredHash.stamp(object);
    }
}
