package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.ApiGroup;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A PostgreSQL server with its databases, roles and credentials. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("Postgres")
@Singular("postgres")
@Plural("postgreses")
@ShortNames({"atxpg"})
@Categories({"atonix"})
@ValidationRule(
        value = "self.metadata.name.size() <= " + Postgres.MAX_NAME,
        message =
                "the name of a Postgres is at most 44 characters, so that its backup CronJob <name>-backups stays within the 52 Kubernetes allows")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Reason",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class Postgres extends CustomResource<PostgresSpec, PostgresStatus> implements Namespaced {
    /** The name of a Postgres is at most 44 characters, so that its backup CronJob <name>-backups stays within the 52 Kubernetes allows. */
    public static final int MAX_NAME = 44;

    // Overridden only to give kubectl explain a description of spec and status.
    @Override
    @JsonPropertyDescription("The desired PostgreSQL server: version, storage, databases, parameters and backups.")
    public PostgresSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed: conditions, readiness, databases and the binding Secret.")
    public PostgresStatus getStatus() {
        return super.getStatus();
    }
}
