package io.atonix.operator.appstack;

import java.util.List;
import java.util.Optional;

/**
 * The checksum of the binding Secrets a service's pods read ({@link io.atonix.operator.common.SecretChecksum}), or
 * empty while none of them exists. The controller computes it from the Secrets in its cache; render, which has no
 * cluster, shows where it goes.
 */
@FunctionalInterface
public interface BindingChecksums {

    Optional<String> of(List<String> secretNames);

    /** What render prints: the value is only known once the operator has generated the credentials. */
    static BindingChecksums placeholder() {
        return names ->
                names.isEmpty() ? Optional.empty() : Optional.of("<checksum of the binding Secrets, once they exist>");
    }
}
