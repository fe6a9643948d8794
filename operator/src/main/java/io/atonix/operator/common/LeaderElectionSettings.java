package io.atonix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Leader election among the operator's replicas, through a Lease: only the holder reconciles, so two replicas are
 * safe. The Helm chart turns it on; a single process run from a laptop does without. The three durations default to
 * java-operator-sdk's own; fabric8's elector rejects a lease duration not above the renew deadline, or a renew
 * deadline not above 2.2 retry periods.
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

    /**
     * How long a Lease counts as held after its last renewal: the longest a standby replica waits before it takes over
     * from a leader that died without releasing it.
     */
    @WithName("lease-duration")
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew before it gives the Lease up and exits. */
    @WithName("renew-deadline")
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often a replica tries to acquire or renew the Lease. */
    @WithName("retry-period")
    @WithDefault("2s")
    Duration retryPeriod();
}
