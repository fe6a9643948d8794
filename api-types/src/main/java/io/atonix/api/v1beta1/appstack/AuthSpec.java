package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the stack's users sign in at the edge: the identity provider the services' auth modes refer to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthSpec(
        @JsonPropertyDescription(
                "An OpenID Connect provider (Keycloak, Dex, Entra ID, Google, ...) that signs users in for services whose auth is Browser or Bearer.")
        OidcProvider oidc) {}
