package io.atonix.operator.keda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The operator's TriggerAuthentications read Secrets only: each parameter from a key of one Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerAuthenticationSpec(List<SecretTarget> secretTargetRef) {

    /** A scaler's parameter (username, password, ca, cert, key) from a key of a Secret in the same namespace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecretTarget(String parameter, String name, String key) {}
}
