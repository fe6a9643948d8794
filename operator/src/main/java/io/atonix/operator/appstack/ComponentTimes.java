package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Gives each component the transition time it had in the stored status while its status holds, and {@code now} when
 * it changed: as for conditions, a status computed afresh equals the stored one while nothing happens, and is not
 * written.
 */
final class ComponentTimes {

    private ComponentTimes() {}

    static AppStackStatus settled(AppStack stack, AppStackStatus status, Instant now) {
        List<ComponentStatus> previous =
                stack.getStatus() == null ? List.of() : stack.getStatus().components();
        String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<ComponentStatus> components = status.components().stream()
                .map(component -> component.withLastTransitionTime(previous.stream()
                        .filter(before -> before.component().equals(component.component())
                                && Objects.equals(before.status(), component.status())
                                && before.lastTransitionTime() != null)
                        .map(ComponentStatus::lastTransitionTime)
                        .findFirst()
                        .orElse(timestamp)))
                .toList();
        return new AppStackStatus(status.observedGeneration(), status.conditions(), status.services(), components);
    }
}
