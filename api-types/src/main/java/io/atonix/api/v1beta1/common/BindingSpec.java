package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The credentials a Postgres or a Redis offers to servicebinding.io consumers through status.binding: one login chosen
 * by name, never by list order and never the superuser or the administrator.
 */
public record BindingSpec(
        @Required
        @Size(min = 1, max = 30)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "The login whose Secret status.binding names: a role of spec.roles for a Postgres, a user of spec.users for a Redis.")
        String login) {}
