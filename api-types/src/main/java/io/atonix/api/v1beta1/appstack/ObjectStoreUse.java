package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A service's use of one of the stack's object stores. There is no access level: the operator cannot narrow what a
 * static access key may do, so a read-only use is a store declared with a read-only key.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectStoreUse(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription("The object store the service uses; it must be declared in spec.objectStores.")
        String store) {}
