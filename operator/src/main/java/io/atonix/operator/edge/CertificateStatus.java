package io.atonix.operator.edge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What cert-manager reports of a Certificate that the operator reads: its conditions (Ready, Issuing). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateStatus(List<Condition> conditions, String notAfter) {

    public CertificateStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
