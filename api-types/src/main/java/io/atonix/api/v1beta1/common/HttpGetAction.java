package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HttpGetAction(
        @Required
        @Size(max = 1024)
        @Pattern("^/.*")
        @JsonPropertyDescription("HTTP path to request; a status from 200 to 399 counts as success.")
        String path,

        @Min(1) @Max(65535) @JsonPropertyDescription("Container port to request. Defaults to the service's port.")
        Integer port) {}
