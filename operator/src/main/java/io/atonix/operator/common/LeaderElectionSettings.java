package io.atonix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * Leader election among the operator's replicas, through a Lease: only the holder reconciles, so two replicas are
 * safe. The Helm chart turns it on; a single process run from a laptop does without.
 */
@ConfigMapping(prefix = "atonix.leader-election")
public interface LeaderElectionSettings {

    /** Whether the operator waits to hold the Lease before it reconciles anything. */
    @WithDefault("false")
    boolean enabled();

    /** Name of the Lease the replicas compete for. */
    @WithName("lease-name")
    @WithDefault("atonix-operator")
    String leaseName();

    /** Namespace of the Lease; unset means the namespace of the client's configuration (in a pod, its own). */
    @WithName("lease-namespace")
    Optional<String> leaseNamespace();
}
