package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a wait on another system began, kept in an annotation of the object waited for, so that neither a restart nor a
 * change of leader resets the clock of a bounded wait ({@link WaitBounds}).
 */
public final class WaitStart {
    /** The reason a resource or a component gives when a wait on another system lasted longer than its bound. */
    public static final String EXCEEDED = "WaitExceeded";
    /** How soon a resource that waits is looked at again: nothing in the cluster changes when a bound passes. */
    public static final Duration RECHECK = Duration.ofMinutes(1);

    private WaitStart() {}

    /** The value of such an annotation for a wait that begins now. */
    public static String stamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** When the wait began; none when the object carries no such annotation, or one that is not a time. */
    public static Optional<Instant> of(HasMetadata object, String annotation) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(annotation);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a wait that began {@code since} has lasted its bound at {@code now}. */
    public static boolean over(Instant since, Duration bound, Instant now) {
        return !now.isBefore(since.plus(bound));
    }

    /** A bound as a person writes it: 10m, 1h30m, 90s. */
    public static String words(Duration bound) {
        return bound.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
