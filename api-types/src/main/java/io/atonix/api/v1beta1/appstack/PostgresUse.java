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
                "ReadWrite: read and change data in every schema of the database; ReadOnly: SELECT only. Owner: schema changes too, for a migration job: the login acts as the database's owner role, so the tables it creates are owned by that role and the other uses of the database get their access to them.")
        Access access) {

    public Access accessOrDefault() {
        return access == null ? Access.ReadWrite : access;
    }
}
