package io.atonix.operator.binding;

/**
 * Kubernetes' own credential Secret, type {@code kubernetes.io/basic-auth}: the logins the operator and the exporters
 * use (a Postgres' superuser, monitoring and owner roles; a Redis' exporter user).
 */
public final class BasicAuth {
    public static final String SECRET_TYPE = "kubernetes.io/basic-auth";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";

    private BasicAuth() {}
}
