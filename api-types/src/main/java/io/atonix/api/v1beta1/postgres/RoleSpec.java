package io.atonix.api.v1beta1.postgres;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.v1beta1.common.Access;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A login role for an application, with the access it needs to one database. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(self.name in " + RoleSpec.RESERVED + ")",
        message =
                "postgres, public and none are PostgreSQL's own role names (the superuser, every role, a reserved word): an application's role has a name of its own",
        fieldPath = ".name")
public record RoleSpec(
        @Required
        @Size(min = 1, max = MAX_NAME)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the role: a DNS label of at most 46 characters, as an AppStack names the login of a use, <service>-<use>. Its credentials are in the Secret <postgres>-<name>-login.")
        String name,

        @Required
        @Size(min = 1, max = 63)
        @Pattern("^[a-z_][a-z0-9_]*$")
        @JsonPropertyDescription("Database the role connects to; it must be one of spec.databases.")
        String database,

        @Default("ReadWrite")
        @JsonPropertyDescription(
                "ReadWrite: read and change data in every schema of the database, including tables created later; ReadOnly: SELECT only; neither can create or drop objects. Owner: schema changes, for migrations: the role is a member of the database's owner role <database>_owner and acts as it in that database (SET ROLE at login), so what it creates is owned by the owner role and every other role of the database gets its access to it. Changing Owner to another access revokes the membership.")
        Access access) {

    /** Room for an AppStack's login {@code <service>-<use>}: a 30-character service name, a hyphen and a 15-character use. */
    public static final int MAX_NAME = 46;

    /** Role names PostgreSQL keeps for itself, as a CEL list; a DNS label cannot be any other of them (pg_*, current_user). */
    public static final String RESERVED = "['postgres', 'public', 'none']";

    public Access accessOrDefault() {
        return access == null ? Access.ReadWrite : access;
    }
}
