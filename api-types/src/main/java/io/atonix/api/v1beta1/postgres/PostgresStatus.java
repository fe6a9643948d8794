package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.atonix.api.v1beta1.common.Binding;
import io.atonix.api.v1beta1.common.Condition;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PostgresStatus(
        @JsonPropertyDescription("The metadata.generation this status describes.")
        Long observedGeneration,

        @JsonPropertyDescription(
                "Ready, Progressing and Degraded, in the metav1.Condition shape, and kstatus' Reconciling (mirrors Progressing) and Stalled (mirrors Degraded) for Flux.")
        @ListType(value = ListType.Kind.map, keys = "type")
        List<Condition> conditions,

        @JsonPropertyDescription("Number of instances that are ready.")
        Integer readyInstances,

        @JsonPropertyDescription("The PostgreSQL version that runs.")
        String version,

        @JsonPropertyDescription("Databases that exist on the server.") @ListType(ListType.Kind.set)
        List<String> databases,

        @JsonPropertyDescription(
                "The Secret of the login spec.binding chooses (servicebinding.io Provisioned Service); absent without spec.binding.")
        Binding binding,

        @JsonPropertyDescription("The object store's backups, with spec.backup.objectStore.")
        BackupStatus backup,

        @JsonPropertyDescription("How recovery ended, with spec.bootstrap.recovery.")
        RecoveryStatus recovery) {

    public PostgresStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        databases = databases == null ? List.of() : List.copyOf(databases);
    }
}
