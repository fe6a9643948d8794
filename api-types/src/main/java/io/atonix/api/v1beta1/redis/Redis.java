package io.atonix.api.v1beta1.redis;

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

/** A Redis server with one ACL user per consuming service. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("Redis")
@Singular("redis")
@Plural("redises")
@ShortNames({"atxredis"})
@Categories({"atonix"})
@ValidationRule(
        value = "self.metadata.name.size() <= " + Redis.MAX_NAME,
        message =
                "the name of a Redis is at most 52 characters, so that its StatefulSet's pods get valid controller-revision-hash labels")
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
public class Redis extends CustomResource<RedisSpec, RedisStatus> implements Namespaced {
    /** The name of a Redis is at most 52 characters, so that its StatefulSet's pods get valid controller-revision-hash labels. */
    public static final int MAX_NAME = 52;

    // Overridden only to give kubectl explain a description of spec and status.
    @Override
    @JsonPropertyDescription("The desired Redis server: version, memory, eviction and persistence.")
    public RedisSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed: conditions and the binding Secret.")
    public RedisStatus getStatus() {
        return super.getStatus();
    }
}
