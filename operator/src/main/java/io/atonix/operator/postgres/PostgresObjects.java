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

    static Map<String, String> selector(Postgres postgres) {
        return Map.of(Labels.POSTGRES, postgres.getMetadata().getName());
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
