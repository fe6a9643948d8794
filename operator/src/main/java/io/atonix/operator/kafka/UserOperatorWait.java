package io.atonix.operator.kafka;

import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The bounded wait for Strimzi's User Operator to create the Secret of a KafkaUser, measured from the KafkaUser's
 * creation (a time the API server keeps, so a restart does not reset it). After the bound the stack's Kafka component
 * says so ({@link WaitStart#EXCEEDED}); the service's binding Secret keeps waiting, since only Strimzi can make it.
 */
final class UserOperatorWait {

    private UserOperatorWait() {}

    /** Why the KafkaUser's Secret is overdue, for a person; none while it exists or is not overdue. */
    static Optional<String> overdue(
            HasMetadata user, String service, boolean secretExists, Duration bound, Instant now) {
        Optional<Instant> created = created(user);
        if (secretExists || created.isEmpty() || !WaitStart.over(created.get(), bound, now)) {
            return Optional.empty();
        }
        return Optional.of("Strimzi's User Operator did not create the Secret of KafkaUser " + StrimziWriter.where(user)
                + " within " + WaitStart.words(bound) + " (created " + WaitStart.stamp(created.get())
                + "); is it running? The binding Secret of service " + service
                + " waits for it: start the User Operator, or remove the service's uses of Kafka");
    }

    private static Optional<Instant> created(HasMetadata user) {
        String created = user.getMetadata().getCreationTimestamp();
        try {
            return Optional.ofNullable(created).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
