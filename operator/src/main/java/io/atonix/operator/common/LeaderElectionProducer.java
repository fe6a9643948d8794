package io.atonix.operator.common;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The leader election configuration quarkus-operator-sdk looks up at start. It has no properties of its own for
 * this: it elects a leader exactly when a {@link LeaderElectionConfiguration} bean is there (and the prod profile is
 * active), so this producer yields one when {@link LeaderElectionSettings#enabled()} and none otherwise.
 */
@ApplicationScoped
public class LeaderElectionProducer {

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
        return builder.build();
    }
}
