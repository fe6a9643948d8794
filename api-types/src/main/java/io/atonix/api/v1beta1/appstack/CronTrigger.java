package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.CronSchedule;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A window, from one schedule to the next, in which the service runs at least desiredReplicas pods. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "self.start.matches('" + CronSchedule.PATTERN + "')",
        message = "start: " + CronSchedule.MESSAGE,
        fieldPath = ".start")
@ValidationRule(
        value = "self.end.matches('" + CronSchedule.PATTERN + "')",
        message = "end: " + CronSchedule.MESSAGE,
        fieldPath = ".end")
public record CronTrigger(
        @Required
        @Size(min = 1, max = 64)
        @Pattern("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
        @JsonPropertyDescription("Time zone of the schedules, an IANA name such as Europe/Berlin or UTC.")
        String timezone,

        @Required
        @Size(min = 1, max = 128)
        @JsonPropertyDescription("When the window opens, in five cron fields, for example \"0 8 * * 1-5\".")
        String start,

        @Required
        @Size(min = 1, max = 128)
        @JsonPropertyDescription("When the window closes, in five cron fields, for example \"0 18 * * 1-5\".")
        String end,

        @Required
        @Min(1)
        @Max(1000)
        @JsonPropertyDescription("Pods the service runs at least while the window is open.")
        Integer desiredReplicas) {}
