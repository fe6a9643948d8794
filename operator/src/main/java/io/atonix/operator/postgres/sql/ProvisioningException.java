package io.atonix.operator.postgres.sql;

import java.util.List;

/**
 * A run that stopped half-way. The message says what could not be done and why (PostgreSQL's SQLSTATE and primary
 * message), never a password; {@link #actionsDone()} lists what had been changed before, so that a caller can
 * still report it. Running the plan again carries on from where this one stopped.
 */
public final class ProvisioningException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> actionsDone;
    private final String sqlState;

    ProvisioningException(String message, String sqlState, List<String> actionsDone, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.actionsDone = List.copyOf(actionsDone);
    }

    /** The SQLSTATE of the failure (for example 42501 for a missing privilege), or null when there was none. */
    public String sqlState() {
        return sqlState;
    }

    public List<String> actionsDone() {
        return actionsDone;
    }
}
