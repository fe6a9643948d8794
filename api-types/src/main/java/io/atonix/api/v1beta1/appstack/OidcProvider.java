package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * An OpenID Connect provider and who of its users may pass. Groups and emails are alternatives (one rule of who may
 * pass, not two that must both hold); with neither, every user the provider signs in passes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "self.issuerURL.startsWith('https://')",
        message = "issuerURL must be an https URL: the provider's keys and the sign-in travel over it",
        fieldPath = ".issuerURL")
@ValidationRule(
        value = "!(has(self.allowedGroups) && has(self.allowedEmails))",
        message =
                "allowedGroups and allowedEmails are alternatives: name who may pass either by group or by email address")
public record OidcProvider(
        @Required
        @Size(min = 9, max = 2048)
        @JsonPropertyDescription(
                "The provider's issuer URL, exactly as its tokens' iss claim and its /.well-known/openid-configuration name it, for example https://keycloak.example.com/realms/shop. Must be https.")
        @Pattern("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s?#]+(/[^\\s?#]*)?$")
        String issuerURL,

        @Required
        @Size(min = 1, max = 256)
        @JsonPropertyDescription(
                "The client ID registered at the provider for the stack. Bearer tokens must name it in their audience (aud).")
        String clientID,

        @Required
        @JsonPropertyDescription(
                "The key of a Secret in the stack's namespace that holds the client's secret at the provider.")
        SecretKey clientSecretRef,

        @Size(max = 32)
        @JsonPropertyDescription(
                "Groups (of the tokens' groups claim) whose members may pass; anyone else is refused with 403. Not allowed together with allowedEmails.")
        @ListType(ListType.Kind.set)
        List<@Size(min = 1, max = 256) String> allowedGroups,

        @Size(max = 64)
        @JsonPropertyDescription(
                "Email addresses (of the tokens' email claim) that may pass; anyone else is refused with 403. Not allowed together with allowedGroups.")
        @ListType(ListType.Kind.set)
        List<@Size(min = 3, max = 254) @Pattern("^[^@\\s]+@[^@\\s]+$") String> allowedEmails) {

    public OidcProvider {
        allowedGroups = allowedGroups == null ? List.of() : List.copyOf(allowedGroups);
        allowedEmails = allowedEmails == null ? List.of() : List.copyOf(allowedEmails);
    }
}
