package io.atonix.operator.common;

import io.atonix.api.v1beta1.common.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The reconcile every controller of the operator runs, in this order: check the spec; refuse a spec that cannot be
 * applied (status {@value #INVALID_SPEC}, nothing changed); run the workflow of dependents; observe what the cluster
 * shows; write the status when it changed, with an Event when readiness changed ({@link ReadinessEvents}); and when anything fails, a status
 * {@value #RECONCILE_FAILED} with the cause's message, never a stack trace. What differs by kind are its {@link Steps}.
 */
public final class ReconcileFlow<P extends CustomResource<?, S>, S> {
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String RECONCILE_FAILED = "ReconcileFailed";
    private static final Logger LOG = Logger.getLogger(ReconcileFlow.class);
    private final Steps<P, S> steps;
    private final StatusPace pace = new StatusPace();

    /** What a kind's controller does at each step of the flow. */
    public interface Steps<P extends HasMetadata, S> {
        /** The problems of the spec that stop the reconcile, in words a person can act on; none when it may go on. */
        Refusal check(P primary, Context<P> context);

        /** Before the workflow: writes the workflow's dependents depend on. */
        default void beforeWorkflow(P primary, Context<P> context) {}

        /** After the workflow, and after a failure in it: what the reconcile reports of its own writes. */
        default void afterWorkflow(P primary, Context<P> context) {}

        /** The status the cluster shows now, from the informers' caches, and when to look again without an event. */
        Observation<S> observe(P primary, Context<P> context);

        /** The status of a primary whose reconcile stopped: its spec refused, or a failure. */
        S failed(P primary, String reason, String message);

        /** The status' conditions, whose Ready condition the Events follow ({@link ReadinessEvents}). */
        List<Condition> conditions(S status);

        /** The reasons of a Ready=False that mean on its way (rolling out, starting): their Events are Normal. */
        Set<String> progressReasons();

        /**
         * Whether the observed status differs from the stored one only in progress no reader acts on at once (counts
         * and messages): its write is paced ({@link StatusPace}). None is, unless a kind says so.
         */
        default boolean onlyProgressMoved(S stored, S observed) {
            return false;
        }
    }

    /** Why the spec is refused, and when to look again (a missing Secret may appear); none when it is not. */
    public record Refusal(String message, Optional<Duration> recheck) {
        public static final Refusal NONE = new Refusal(null, Optional.empty());

        public static Refusal of(String message) {
            return new Refusal(message, Optional.empty());
        }

        public boolean refused() {
            return message != null;
        }
    }

    /** The observed status, and when to look again without an event. */
    public record Observation<S>(S status, Optional<Duration> recheck) {
        public static <S> Observation<S> of(S status) {
            return new Observation<>(status, Optional.empty());
        }
    }

    public ReconcileFlow(Steps<P, S> steps) {
        this.steps = steps;
    }

    public UpdateControl<P> reconcile(P primary, Context<P> context) {
        Refusal refusal = steps.check(primary, context);
        if (refusal.refused()) {
            return recheck(
                    write(primary, steps.failed(primary, INVALID_SPEC, refusal.message()), context), refusal.recheck());
        }
        steps.beforeWorkflow(primary, context);
        context.managedWorkflowAndDependentResourceContext()
                .reconcileManagedWorkflow()
                .throwAggregateExceptionIfErrorsPresent();
        steps.afterWorkflow(primary, context);
        Observation<S> observation = steps.observe(primary, context);
        Optional<Duration> held = steps.onlyProgressMoved(primary.getStatus(), observation.status())
                ? pace.holdBack(primary, Instant.now())
                : Optional.empty();
        UpdateControl<P> control = held.isPresent()
                ? UpdateControl.<P>noUpdate().rescheduleAfter(held.get())
                : recheck(write(primary, observation.status(), context), observation.recheck());
        LOG.debugf(
                "reconciled %s %s/%s at generation %d",
                primary.getKind(),
                primary.getMetadata().getNamespace(),
                primary.getMetadata().getName(),
                primary.getMetadata().getGeneration());
        return control;
    }

    public ErrorStatusUpdateControl<P> updateErrorStatus(P primary, Context<P> context, Exception e) {
        // The message of the cause, never a stack trace: status is for people.
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warnf(
                "reconcile of %s %s/%s failed: %s",
                primary.getKind(),
                primary.getMetadata().getNamespace(),
                primary.getMetadata().getName(),
                message);
        try {
            // What was changed before the failure still happened.
            steps.afterWorkflow(primary, context);
            write(primary, steps.failed(primary, RECONCILE_FAILED, message), context);
        } catch (RuntimeException statusFailure) {
            // The API server may be what failed; the retry that follows reports again.
            LOG.debugf("could not report the failure in the status: %s", statusFailure.getMessage());
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    /** Writes the status when it changed, with the Events the change is worth. */
    public UpdateControl<P> write(P primary, S status, Context<P> context) {
        S previous = primary.getStatus();
        UpdateControl<P> control = StatusWriter.write(primary, status, context);
        if (!status.equals(previous)) {
            pace.wrote(primary, Instant.now());
            ReadinessEvents.record(
                    context.getClient(),
                    primary,
                    previous == null ? null : steps.conditions(previous),
                    steps.conditions(status),
                    steps.progressReasons());
        }
        return control;
    }

    private static <P extends CustomResource<?, ?>> UpdateControl<P> recheck(
            UpdateControl<P> control, Optional<Duration> after) {
        return after.isPresent() && control.getScheduleDelay().isEmpty()
                ? control.rescheduleAfter(after.get())
                : control;
    }
}
