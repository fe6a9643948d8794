package io.atonix.operator.common;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * The leader election configuration quarkus-operator-sdk looks up at start. It has no properties of its own for
 * this: it elects a leader exactly when a {@link LeaderElectionConfiguration} bean is there (and the prod profile is
 * active), so this producer yields one when {@link LeaderElectionSettings#enabled()} and none otherwise.
 */
@ApplicationScoped
public class LeaderElectionProducer {
    private static final Logger LOG = Logger.getLogger(LeaderElectionProducer.class);

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(LeaderElectionSettings settings) {
        return configuration(settings);
    }

    /** The configuration for these settings, or null when leader election is off. */
    static LeaderElectionConfiguration configuration(LeaderElectionSettings settings) {
        if (!settings.enabled()) {
            return null;
        }
        LeaderElectionConfigurationBuilder builder =
                LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(settings.leaseName());
        settings.leaseNamespace().ifPresent(builder::withLeaseNamespace);
        builder.withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod());
        // The identity stays JOSDK's default, the HOSTNAME variable: in a pod, the pod's name.
        builder.withLeaderCallbacks(new LeaderCallbacks(() -> {}, LeaderElectionProducer::leaseLost, identity -> {}));
        return builder.build();
    }

    /**
     * A replica that lost the Lease (paused or cut off from the API server past the renew deadline) must stop, or it
     * goes on reconciling beside the new leader: java-operator-sdk 5.3.2's build() leaves its own exit off (fixed
     * upstream by operator-framework/java-operator-sdk#3619), and that exit, System.exit, would block forever when the
     * Lease is given up during a graceful stop, since Quarkus is then already running its shutdown hooks. Quarkus'
     * exit starts the shutdown without waiting and does nothing when one is under way; the pod restarts as a standby.
     */
    static void leaseLost() {
        LOG.warn("this replica no longer leads (it lost or gave up the leader election Lease); it stops, so that only"
                + " the leader reconciles");
        Quarkus.asyncExit(1);
    }
}
