package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.Access;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PostgresUse(
        @Required
        @Size(min = 1, max = 63)
        @Pattern("^[a-z_][a-z0-9_]*$")
        @JsonPropertyDescription("Database the service connects to; it must be declared in spec.postgres.databases.")
        String database,

        @Default("ReadWrite")
        @JsonPropertyDescription(
                "ReadWrite: read and change data in every schema of the database; ReadOnly: SELECT only.")
        Access access) {

    public Access accessOrDefault() {
        return access == null ? Access.ReadWrite : access;
    }
}
