package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.AutoscaleTrigger;
import io.atonix.api.v1beta1.appstack.CronTrigger;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.AppStackValidator;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.appstack.TestUses;
import io.atonix.operator.common.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator (and render) refuse what the CRD refuses of triggers, and the time zones the CRD cannot check. */
class TriggersValidationTest {

    @Test
    void theSampleShapedStackIsValid() {
        assertThat(AppStackValidator.validate(ScaledStacks.shop("team"))).isEmpty();
    }

    @Test
    void aLagTriggerOnATopicTheServiceOnlyProducesIsRefusedAtTheTriggers() {
        ServiceSpec worker = TestStacks.withAutoscale(
                TestStacks.withUses(
                        TestStacks.worker("worker", "acme/worker:1"),
                        TestUses.kafka("events", List.of("payments"), List.of("orders"))),
                new Autoscale(0, 3, null, null, List.of(ScaledStacks.lag("lag", "payments", null))));
        assertThat(AppStackValidator.validate(ScaledStacks.shop("team", worker)))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.services[0].autoscale.triggers: a kafkaLag trigger's topic must be one the"
                        + " service consumes (in the consume list of its use of Kafka): the trigger reads the lag of"
                        + " the service's own consumer group");
    }

    @Test
    void scalingToZeroWithoutATriggerIsRefused() {
        ServiceSpec api = TestStacks.withAutoscale(
                TestStacks.service("api", "acme/api:1", 5000), new Autoscale(0, 3, null, null));
        assertThat(AppStackValidator.validate(ScaledStacks.shop("team", api)))
                .extracting(SpecProblem::field)
                .containsExactly("spec.services[0].autoscale.minReplicas");
    }

    @Test
    void aCronTriggerInAnUnknownTimeZoneIsRefusedWithTheZone() {
        ServiceSpec api = TestStacks.withAutoscale(
                TestStacks.service("api", "acme/api:1", 5000),
                new Autoscale(
                        0,
                        3,
                        null,
                        null,
                        List.of(new AutoscaleTrigger(
                                "night", null, new CronTrigger("Mars/Olympus", "0 22 * * *", "0 6 * * *", 1), null))));
        AppStack stack = ScaledStacks.shop("team", api);
        assertThat(AppStackValidator.validate(stack))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.services[0].autoscale.triggers[0].cron.timezone: unknown time zone"
                        + " 'Mars/Olympus': name one of the IANA time zone database, such as Europe/Berlin or UTC");
    }
}
