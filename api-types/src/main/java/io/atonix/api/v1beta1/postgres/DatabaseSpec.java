package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(self.name in " + DatabaseSpec.RESERVED + ")",
        message =
                "postgres, template0 and template1 are PostgreSQL's own databases (every new database is copied from template1): an application gets a database of its own",
        fieldPath = ".name")
public record DatabaseSpec(
        @Required
        @Size(min = 1, max = 63)
        @Pattern("^[a-z_][a-z0-9_]*$")
        @JsonPropertyDescription(
                "Name of the database: lower-case letters, digits and underscores, starting with a letter or underscore. A database is never dropped by the operator.")
        String name,

        @Size(max = 16)
        @JsonPropertyDescription(
                "Extensions created in the database (CREATE EXTENSION IF NOT EXISTS), for example pgcrypto, pg_trgm or uuid-ossp. They must ship with the PostgreSQL image.")
        @ListType(ListType.Kind.set)
        List<@Pattern("^[a-z_][a-z0-9_-]*$") @Size(max = 63) String> extensions) {

    /** Databases PostgreSQL keeps for itself, as a CEL list. */
    public static final String RESERVED = "['postgres', 'template0', 'template1']";

    public DatabaseSpec {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
}
