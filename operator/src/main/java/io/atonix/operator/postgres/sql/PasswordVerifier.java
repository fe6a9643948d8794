package io.atonix.operator.postgres.sql;

import org.postgresql.util.PasswordUtil;

/**
 * Turns a password into the SCRAM-SHA-256 verifier PostgreSQL stores, on the operator's side, the way psql's
 * \password does. The server accepts a verifier in place of a password, so the password itself never travels in
 * a statement, and a server that logs statements (log_statement = ddl) or reports a failed one logs no password.
 */
final class PasswordVerifier {

    private PasswordVerifier() {
    }

    /** A fresh salt each time, so two verifiers of one password differ; neither reveals it. */
    static String scramSha256(Password password) {
        return PasswordUtil.encodeScramSha256(password.reveal().toCharArray());
    }
}
