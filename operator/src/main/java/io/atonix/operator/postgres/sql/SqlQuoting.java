package io.atonix.operator.postgres.sql;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Quotes names and values for the few statements PostgreSQL will not take bind parameters in (CREATE ROLE,
 * GRANT, CREATE DATABASE ...). Every name that reaches such a statement goes through {@link #identifier}, even a
 * name {@link NameRules} already checked: validation is the first fence, quoting the one that holds.
 */
public final class SqlQuoting {
    /** NAMEDATALEN - 1: PostgreSQL silently truncates longer identifiers, which would make a role answer to another name. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private SqlQuoting() {}

    /** A double-quoted identifier with inner double quotes doubled, as PostgreSQL's quote_ident writes it. */
    public static String identifier(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier cannot contain a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException(
                    "an SQL identifier cannot be longer than " + MAX_IDENTIFIER_BYTES + " bytes");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A string literal with single quotes doubled. A value with a backslash is written as an escape string
     * ({@code E'...'}) with the backslashes doubled, as PostgreSQL's quote_literal does, so the literal means the
     * same whether {@code standard_conforming_strings} is on or off. Messages never include the value: it may be
     * secret.
     */
    public static String literal(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL string literal cannot contain a NUL character");
        }
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
