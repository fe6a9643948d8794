package io.atonix.operator.binding;

import static io.atonix.operator.binding.ServiceBinding.ordered;

import java.util.Map;

/**
 * The binding of an application's login role to a Postgres, type {@code servicebinding.io/postgresql}: the keys of
 * {@link ServiceBinding} and these.
 */
public final class PostgresBinding {
    public static final String SECRET_TYPE = "servicebinding.io/postgresql";
    /** The value of {@link ServiceBinding#TYPE}. */
    public static final String TYPE = "postgresql";

    public static final String DATABASE = "database";
    public static final String JDBC_URL = "jdbc-url";
    /** libpq's sslmode, when the server requires TLS: verify-full, the server's certificate and name are checked. */
    public static final String SSL_MODE = "sslmode";
    /** The file of the binding, beside the others, that holds the CA certificate: {@link ServiceBinding#CA_CRT}. */
    public static final String SSL_ROOT_CERT = "sslrootcert";

    public static final String VERIFY_FULL = "verify-full";

    /** What a service's pods read, by environment variable: libpq's own variables and a URL. */
    public static final Map<String, String> ENV = ordered(
            "PGHOST", ServiceBinding.HOST,
            "PGPORT", ServiceBinding.PORT,
            "PGDATABASE", DATABASE,
            "PGUSER", ServiceBinding.USERNAME,
            "PGPASSWORD", ServiceBinding.PASSWORD,
            "DATABASE_URL", ServiceBinding.URI);

    /**
     * With TLS: what libpq reads beside {@link #ENV}, the mode from the binding and the CA certificate's path in the pod
     * (the binding's ca.crt, mounted), so that DATABASE_URL's verify-full finds its root certificate.
     */
    public static final String SSL_MODE_ENV = "PGSSLMODE";

    public static final String SSL_ROOT_CERT_ENV = "PGSSLROOTCERT";

    private PostgresBinding() {}

    /** The binding Secret of the login role {@code role}, next to the Postgres. */
    public static String secretName(String postgres, String role) {
        return postgres + "-" + role + "-login";
    }
}
