package io.atonix.operator.postgres.sql;

import java.util.List;

/**
 * What a run changed, one entry per statement in the order they ran ("created database shop owned by
 * shop_owner"), for Events. Empty when the server already matched the plan: then no statement that changes
 * anything was sent.
 */
public record ProvisioningResult(List<String> actions) {

    public ProvisioningResult {
        actions = List.copyOf(actions);
    }

    public boolean changedNothing() {
        return actions.isEmpty();
    }
}
