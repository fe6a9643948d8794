package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.SpecProblem;
import java.util.List;

/**
 * What a recovery may not do: stop at a time that is not one, or archive into the archive it recovers from. A Postgres recovered under its source's name
 * and archiving to the source's place would mix a second history into the first and break the source's recovery.
 */
final class RecoveryRules {

    private RecoveryRules() {}

    static List<SpecProblem> problems(Postgres postgres) {
        var spec = postgres.getSpec();
        String target =
                spec.bootstrap() == null ? null : spec.bootstrap().recovery().targetTime();
        if (target != null) {
            try {
                java.time.OffsetDateTime.parse(target);
            } catch (java.time.format.DateTimeParseException e) {
                return List.of(new SpecProblem(
                        "spec.bootstrap.recovery.targetTime",
                        "'" + target + "' is not an RFC 3339 time with an offset, such as 2026-12-01T09:30:00Z"));
            }
        }
        if (spec.bootstrap() == null || spec.backup() == null || spec.backup().objectStore() == null) {
            return List.of();
        }
        String namespace = postgres.getMetadata().getNamespace();
        var recovery = spec.bootstrap().recovery();
        ArchiveLocation source = ArchiveLocation.of(recovery.objectStore(), namespace, recovery.source());
        ArchiveLocation own = ArchiveLocation.of(
                spec.backup().objectStore(), namespace, postgres.getMetadata().getName());
        if (!source.sameAs(own)) {
            return List.of();
        }
        return List.of(new SpecProblem(
                "spec.backup.objectStore",
                "would archive into the archive it recovers from (" + source
                        + "): give the new Postgres another name, or its archive another path"));
    }
}
