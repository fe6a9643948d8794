package io.atonix.api.v1beta1.appstack;

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

/** A whole application: services, data stores, topics, network rules and monitoring. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("AppStack")
@Singular("appstack")
@Plural("appstacks")
@ShortNames({"atxstack"})
@Categories({"atonix"})
@ValidationRule(
        value = "self.metadata.name.size() <= 30",
        message = "the name of an AppStack is at most 30 characters, so that the names derived from it stay valid")
@ValidationRule(
        value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
        message =
                "the name of an AppStack is a DNS label (lower case letters, digits and '-', starting with a letter): its Services are named after it, and its Kafka names use '.' to separate namespace, stack and topic")
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
public class AppStack extends CustomResource<AppStackSpec, AppStackStatus> implements Namespaced {
    // Overridden only to give kubectl explain a description of spec and status.
    @Override
    @JsonPropertyDescription(
            "The desired stack: application services, data stores, Kafka topics, network rules and monitoring.")
    public AppStackSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription(
            "What the operator observed: conditions, one entry per service and one per further component.")
    public AppStackStatus getStatus() {
        return super.getStatus();
    }
}
