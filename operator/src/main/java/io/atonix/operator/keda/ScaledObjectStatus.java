package io.atonix.operator.keda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What KEDA reports of a ScaledObject: its conditions (Ready, Active, Fallback, Paused). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaledObjectStatus(List<Condition> conditions) {

    public ScaledObjectStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
