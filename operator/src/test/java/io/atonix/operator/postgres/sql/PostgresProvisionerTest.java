package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.common.Access;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provisioner against a real PostgreSQL server. Each test works in databases and roles of its own. */
class PostgresProvisionerTest {
    private static final String PERMISSION_DENIED = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    private static RealPostgres postgres;
    private static PostgresProvisioner provisioner;

    @BeforeAll
    static void startServer() throws Exception {
        postgres = RealPostgres.start();
        provisioner = new PostgresProvisioner(postgres.superuser());
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsRolesDatabasesExtensionsAndGrants() throws Exception {
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(database("shop", "pgcrypto", "uuid-ossp"), database("billing")),
                List.of(
                        service("shop-api", "shop", Access.ReadWrite),
                        service("shop-reports", "shop", Access.ReadOnly),
                        service("billing-worker", "billing", Access.ReadWrite)),
                new Login(RoleNames.MONITORING, password()));

        ProvisioningResult result = provisioner.provision(plan);

        assertThat(result.actions())
                .containsSubsequence(
                        "created role shop_owner",
                        "created role billing_owner",
                        "created role shop-api",
                        "created role shop-reports",
                        "created role billing-worker",
                        "created role atonix_monitor",
                        "made role atonix_monitor a member of pg_monitor",
                        "created database shop owned by shop_owner",
                        "revoked all privileges on database shop from PUBLIC",
                        "granted CONNECT on database shop to shop-api",
                        "granted CONNECT on database shop to shop-reports",
                        "created database billing owned by billing_owner",
                        "revoked all privileges on database billing from PUBLIC",
                        "granted CONNECT on database billing to billing-worker",
                        "created extension pgcrypto in database shop",
                        "created extension uuid-ossp in database shop",
                        "granted SELECT, INSERT, UPDATE, DELETE on tables that shop_owner creates in database shop to shop-api",
                        "granted USAGE, SELECT, UPDATE on sequences that shop_owner creates in database shop to shop-api",
                        "granted USAGE on schemas that shop_owner creates in database shop to shop-api",
                        "granted SELECT on tables that shop_owner creates in database shop to shop-reports",
                        "granted SELECT on sequences that shop_owner creates in database shop to shop-reports",
                        "granted USAGE on schemas that shop_owner creates in database shop to shop-reports");
        assertThat(single("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop'"))
                .isEqualTo("shop_owner");
        assertThat(single("postgres", "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'shop-api'"))
                .isEqualTo("true");
        assertThat(single("postgres", "SELECT pg_has_role('atonix_monitor', 'pg_monitor', 'MEMBER')::text"))
                .isEqualTo("true");
        assertThat(single("shop", "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension"))
                .isEqualTo("pgcrypto,plpgsql,uuid-ossp");
        assertThat(single("postgres", "SELECT has_database_privilege('shop-api', 'shop', 'CONNECT')::text"))
                .isEqualTo("true");
        assertThat(single("postgres", "SELECT has_database_privilege('billing-worker', 'shop', 'CONNECT')::text"))
                .isEqualTo("false");
        try (Connection monitor = postgres.login(
                "postgres", RoleNames.MONITORING, plan.monitoring().password())) {
            assertThat(query(monitor, "SELECT pg_has_role('pg_read_all_stats', 'USAGE')::text"))
                    .as("pg_monitor brings pg_read_all_stats")
                    .isEqualTo("true");
        }
    }

    @Test
    void aSecondRunChangesNothingAndSendsNoStatementThatChangesAnything() throws Exception {
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(database("quiet", "pg_trgm")),
                List.of(
                        service("quiet-api", "quiet", Access.ReadWrite),
                        service("quiet-reader", "quiet", Access.ReadOnly)),
                new Login("quiet_monitor", password()));
        long beforeFirst = postgres.logPosition();
        assertThat(provisioner.provision(plan).changedNothing()).isFalse();
        try (Connection owner = postgres.login(
                "quiet", "quiet_owner", plan.databases().get(0).owner().password())) {
            execute(owner, "CREATE TABLE notes (id bigserial PRIMARY KEY, body text)");
            execute(owner, "CREATE SCHEMA archive");
            execute(owner, "CREATE TABLE archive.notes (id bigint GENERATED ALWAYS AS IDENTITY, body text)");
            execute(owner, "CREATE VIEW recent AS SELECT * FROM notes");
        }
        assertThat(provisioner.provision(plan).actions())
                .as("objects the owner created are covered by default privileges")
                .isEmpty();
        long beforeSecond = postgres.logPosition();
        assertThat(RealPostgres.loggedStatements(postgres.logSince(beforeFirst)))
                .as("the server logs the statements that change something")
                .contains(
                        "CREATE DATABASE \"quiet\" OWNER \"quiet_owner\"",
                        "REVOKE ALL ON DATABASE \"quiet\" FROM PUBLIC");

        ProvisioningResult second = provisioner.provision(plan);

        assertThat(second.actions()).isEmpty();
        assertThat(second.changedNothing()).isTrue();
        assertThat(RealPostgres.loggedStatements(postgres.logSince(beforeSecond)))
                .isEmpty();
    }

    @Test
    void aReadWriteRoleChangesDataOfTablesTheOwnerCreatesLaterButCreatesNothing() throws Exception {
        Password ownerPassword = password();
        Password apiPassword = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("store", new Login("store_owner", ownerPassword), List.of())),
                List.of(new ServiceLogin(new Login("store-api", apiPassword), "store", Access.ReadWrite)),
                null);
        provisioner.provision(plan);
        try (Connection owner = postgres.login("store", "store_owner", ownerPassword)) {
            execute(owner, "CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)");
            execute(owner, "CREATE SCHEMA sales");
            execute(
                    owner,
                    "CREATE TABLE sales.invoices (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, total numeric)");
        }

        try (Connection api = postgres.login("store", "store-api", apiPassword)) {
            execute(api, "INSERT INTO orders (item) VALUES ('book'), ('pen')");
            execute(api, "UPDATE orders SET item = 'notebook' WHERE item = 'book'");
            execute(api, "DELETE FROM orders WHERE item = 'pen'");
            assertThat(query(api, "SELECT string_agg(item, ',') FROM orders")).isEqualTo("notebook");
            execute(api, "INSERT INTO sales.invoices (total) VALUES (12.50)");
            assertThat(query(api, "SELECT count(*) FROM sales.invoices")).isEqualTo("1");

            assertDenied(api, "CREATE TABLE mine (id int)");
            assertDenied(api, "CREATE TABLE sales.mine (id int)");
            assertDenied(api, "CREATE SCHEMA mine");
            assertDenied(api, "CREATE TEMPORARY TABLE mine (id int)");
            assertDenied(api, "ALTER TABLE orders ADD COLUMN note text");
            assertDenied(api, "DROP TABLE orders");
            assertDenied(api, "TRUNCATE orders");
        }
    }

    @Test
    void aReadOnlyRoleSelectsButCannotWrite() throws Exception {
        Password ownerPassword = password();
        Password readerPassword = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("catalog", new Login("catalog_owner", ownerPassword), List.of())),
                List.of(new ServiceLogin(new Login("catalog-reader", readerPassword), "catalog", Access.ReadOnly)),
                null);
        provisioner.provision(plan);
        try (Connection owner = postgres.login("catalog", "catalog_owner", ownerPassword)) {
            execute(owner, "CREATE TABLE products (id serial PRIMARY KEY, name text)");
            execute(owner, "INSERT INTO products (name) VALUES ('lamp')");
        }

        try (Connection reader = postgres.login("catalog", "catalog-reader", readerPassword)) {
            assertThat(query(reader, "SELECT name FROM products")).isEqualTo("lamp");
            assertDenied(reader, "INSERT INTO products (name) VALUES ('chair')");
            assertDenied(reader, "UPDATE products SET name = 'chair'");
            assertDenied(reader, "DELETE FROM products");
            assertDenied(reader, "SELECT nextval('products_id_seq')");
            assertDenied(reader, "CREATE TABLE mine (id int)");
        }
    }

    @Test
    void tablesCreatedByAnotherRoleAreGrantedOnTheNextRun() throws Exception {
        Password apiPassword = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(database("legacy")),
                List.of(new ServiceLogin(new Login("legacy-api", apiPassword), "legacy", Access.ReadWrite)),
                null);
        provisioner.provision(plan);
        try (Connection superuser = postgres.superuser("legacy")) {
            execute(superuser, "CREATE SCHEMA imported");
            execute(superuser, "CREATE TABLE imported.customers (id serial PRIMARY KEY, name text)");
        }

        ProvisioningResult result = provisioner.provision(plan);

        assertThat(result.actions())
                .containsExactly(
                        "granted USAGE on schema legacy.imported to legacy-api",
                        "granted SELECT, INSERT, UPDATE, DELETE on all tables in schema legacy.imported to legacy-api",
                        "granted USAGE, SELECT, UPDATE on all sequences in schema legacy.imported to legacy-api");
        try (Connection api = postgres.login("legacy", "legacy-api", apiPassword)) {
            execute(api, "INSERT INTO imported.customers (name) VALUES ('Ada')");
            assertThat(query(api, "SELECT name FROM imported.customers")).isEqualTo("Ada");
        }
        assertThat(provisioner.provision(plan).actions()).isEmpty();
    }

    @Test
    void changingReadWriteToReadOnlyRevokesWhatWasGranted() throws Exception {
        Password ownerPassword = password();
        Password apiPassword = password();
        Login owner = new Login("ledger_owner", ownerPassword);
        Login api = new Login("ledger-api", apiPassword);
        DatabasePlan ledger = new DatabasePlan("ledger", owner, List.of());
        provisioner.provision(new ProvisioningPlan(
                List.of(ledger), List.of(new ServiceLogin(api, "ledger", Access.ReadWrite)), null));
        try (Connection connection = postgres.login("ledger", "ledger_owner", ownerPassword)) {
            execute(connection, "CREATE TABLE entries (id serial PRIMARY KEY, amount numeric)");
        }
        ProvisioningPlan readOnly =
                new ProvisioningPlan(List.of(ledger), List.of(new ServiceLogin(api, "ledger", Access.ReadOnly)), null);

        ProvisioningResult result = provisioner.provision(readOnly);

        assertThat(result.actions())
                .containsExactly(
                        "revoked INSERT, UPDATE, DELETE on all tables in schema ledger.public from ledger-api",
                        "revoked USAGE, UPDATE on all sequences in schema ledger.public from ledger-api",
                        "revoked INSERT, UPDATE, DELETE on tables that ledger_owner creates in database ledger from ledger-api",
                        "revoked USAGE, UPDATE on sequences that ledger_owner creates in database ledger from ledger-api");
        try (Connection connection = postgres.login("ledger", "ledger-api", apiPassword)) {
            assertThat(query(connection, "SELECT count(*) FROM entries")).isEqualTo("0");
            assertDenied(connection, "INSERT INTO entries (amount) VALUES (1)");
        }
        assertThat(provisioner.provision(readOnly).actions()).isEmpty();
    }

    @Test
    void aRoleOfOneDatabaseCannotConnectToAnother() throws Exception {
        Password alphaOwner = password();
        Password alphaApp = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("alpha", new Login("alpha_owner", alphaOwner), List.of()), database("beta")),
                List.of(
                        new ServiceLogin(new Login("alpha-app", alphaApp), "alpha", Access.ReadWrite),
                        service("beta-app", "beta", Access.ReadWrite)),
                null);
        provisioner.provision(plan);

        try (Connection ignored = postgres.login("alpha", "alpha-app", alphaApp)) {
            // The role's own database lets it in.
        }
        assertThatThrownBy(() -> postgres.login("beta", "alpha-app", alphaApp).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
        assertThatThrownBy(
                        () -> postgres.login("beta", "alpha_owner", alphaOwner).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
    }

    @Test
    void aRerunKeepsPasswordsAndANewPasswordInThePlanReplacesTheOldOne() throws Exception {
        Password first = password();
        Password second = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("vault", new Login("rotating", first), List.of())), List.of(), null);
        provisioner.provision(plan);
        assertThat(provisioner.provision(plan).actions())
                .as("the server's verifier accepts the same password")
                .isEmpty();
        loginWorks("vault", "rotating", first);

        ProvisioningPlan rotated = new ProvisioningPlan(
                List.of(new DatabasePlan("vault", new Login("rotating", second), List.of())), List.of(), null);
        assertThat(provisioner.provision(rotated).actions())
                .containsExactly("changed the password of role rotating to the one in its Secret");
        loginWorks("vault", "rotating", second);
        loginFails("vault", "rotating", first);
        assertThat(provisioner.provision(rotated).actions()).isEmpty();

        ProvisioningResult explicit = provisioner.changePassword(new Login("rotating", first));

        assertThat(explicit.actions()).containsExactly("changed the password of role rotating");
        loginWorks("vault", "rotating", first);
        loginFails("vault", "rotating", second);
    }

    @Test
    void aServiceRemovedFromThePlanCannotConnectAnyMoreAndNothingIsDropped() throws Exception {
        Password ownerPassword = password();
        Password stays = password();
        Password leaves = password();
        DatabasePlan database = new DatabasePlan("ledger", new Login("ledger_owner", ownerPassword), List.of());
        provisioner.provision(new ProvisioningPlan(
                List.of(database),
                List.of(
                        new ServiceLogin(new Login("ledger-api", stays), "ledger", Access.ReadWrite),
                        new ServiceLogin(new Login("ledger-old", leaves), "ledger", Access.ReadOnly)),
                null));
        loginWorks("ledger", "ledger-old", leaves);

        ProvisioningResult result = provisioner.provision(new ProvisioningPlan(
                List.of(database),
                List.of(new ServiceLogin(new Login("ledger-api", stays), "ledger", Access.ReadWrite)),
                null));

        assertThat(result.actions())
                .containsExactly("revoked CONNECT on database ledger from ledger-old, which no longer uses it");
        loginFails("ledger", "ledger-old", leaves, PERMISSION_DENIED);
        loginWorks("ledger", "ledger-api", stays);
        assertThat(single("postgres", "SELECT count(*)::text FROM pg_roles WHERE rolname = 'ledger-old'"))
                .isEqualTo("1");
    }

    @Test
    void serviceRolesCannotConnectToTheServersOwnDatabasesButTheExporterCan() throws Exception {
        Password service = password();
        Password monitor = password();
        provisioner.provision(new ProvisioningPlan(
                List.of(new DatabasePlan("kiosk", new Login("kiosk_owner", password()), List.of())),
                List.of(new ServiceLogin(new Login("kiosk-api", service), "kiosk", Access.ReadWrite)),
                new Login("kiosk_monitor", monitor)));

        loginFails("postgres", "kiosk-api", service, PERMISSION_DENIED);
        loginFails("template1", "kiosk-api", service, PERMISSION_DENIED);
        loginWorks("postgres", "kiosk_monitor", monitor);
    }

    @Test
    void aRoleThatExistsWithoutPasswordOrLoginIsRepairedWithoutTouchingOthers() throws Exception {
        try (Connection superuser = postgres.superuser("postgres")) {
            execute(superuser, "CREATE ROLE orphan_owner NOLOGIN");
        }
        Password password = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("orphan", new Login("orphan_owner", password), List.of())), List.of(), null);

        assertThat(provisioner.provision(plan).actions())
                .startsWith(
                        "allowed role orphan_owner to log in",
                        "set a password for role orphan_owner, which had none",
                        "created database orphan owned by orphan_owner");
        loginWorks("orphan", "orphan_owner", password);
    }

    @Test
    void passwordsWithQuotesBackslashesAndDollarsWorkAndAreNeverShownOrLogged() throws Exception {
        Password hostile = Password.of(
                "it's \"quoted\" \\back\\slash $$dollar$$ $tag$ -- ; ünïcödé " + RealPostgres.randomPassword());
        Password rotated = Password.of("'; DROP ROLE postgres; --\\' E'\\x41' " + RealPostgres.randomPassword());
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("quotes", new Login("quotes_owner", hostile), List.of())), List.of(), null);

        ProvisioningResult created = provisioner.provision(plan);
        loginWorks("quotes", "quotes_owner", hostile);
        assertThat(provisioner.provision(plan).actions())
                .as("the verifier check accepts non-ASCII passwords")
                .isEmpty();
        ProvisioningResult rotation = provisioner.changePassword(new Login("quotes_owner", rotated));
        loginWorks("quotes", "quotes_owner", rotated);
        loginFails("quotes", "quotes_owner", hostile);

        List<String> actions = new ArrayList<>(created.actions());
        actions.addAll(rotation.actions());
        assertThat(String.join("\n", actions)).doesNotContain(hostile.reveal(), rotated.reveal(), "SCRAM");
        assertThat(postgres.wholeLog())
                .as("the server log has verifiers at most, never a password")
                .doesNotContain(hostile.reveal(), rotated.reveal(), "\\back\\slash", "DROP ROLE postgres");
        assertThat(plan.toString()).doesNotContain(hostile.reveal());
    }

    @Test
    void aFailureNamesWhatFailedAndKeepsWhatWasDoneButNoPassword() throws Exception {
        Password password = password();
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("broken", new Login("broken_owner", password), List.of("no_such_extension"))),
                List.of(),
                null);

        assertThatThrownBy(() -> provisioner.provision(plan)).isInstanceOfSatisfying(ProvisioningException.class, e -> {
            assertThat(e.getMessage())
                    .contains("created extension no_such_extension in database broken")
                    .contains("no_such_extension")
                    .doesNotContain(password.reveal());
            assertThat(e.sqlState()).isNotBlank();
            assertThat(e.actionsDone())
                    .contains("created role broken_owner", "created database broken owned by broken_owner");
        });

        Password secret = password();
        assertThatThrownBy(() -> provisioner.changePassword(new Login("nobody-here", secret)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.getMessage()).contains("nobody-here").doesNotContain(secret.reveal(), "SCRAM");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void quotedNamesAndValuesReachTheServerExactlyAsWritten() throws Exception {
        List<String> hostile =
                List.of("x\"; DROP TABLE x; --", "it's", "back\\slash\\", "$$dollar$$", "\\'; SELECT 1; --", "ünïcödé");
        try (Connection connection = postgres.superuser("postgres");
                Statement statement = connection.createStatement()) {
            for (String conforming : List.of("on", "off")) {
                statement.execute("SET standard_conforming_strings = " + conforming);
                for (String text : hostile) {
                    try (ResultSet row = statement.executeQuery(
                            "SELECT " + SqlQuoting.literal(text) + " AS " + SqlQuoting.identifier(text))) {
                        row.next();
                        assertThat(row.getString(1))
                                .as("literal with standard_conforming_strings = %s", conforming)
                                .isEqualTo(text);
                        assertThat(row.getMetaData().getColumnLabel(1))
                                .as("identifier")
                                .isEqualTo(text);
                    }
                }
            }
        }
    }

    private static DatabasePlan database(String name, String... extensions) {
        return new DatabasePlan(name, new Login(RoleNames.owner(name), password()), List.of(extensions));
    }

    private static ServiceLogin service(String role, String database, Access access) {
        return new ServiceLogin(new Login(role, password()), database, access);
    }

    private static Password password() {
        return Password.of(RealPostgres.randomPassword());
    }

    private static void loginWorks(String database, String role, Password password) throws SQLException {
        try (Connection connection = postgres.login(database, role, password)) {
            assertThat(query(connection, "SELECT current_user")).isEqualTo(role);
        }
    }

    private static void loginFails(String database, String role, Password password) {
        loginFails(database, role, password, INVALID_PASSWORD);
    }

    private static void loginFails(String database, String role, Password password, String sqlState) {
        assertThatThrownBy(() -> postgres.login(database, role, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }

    private static void assertDenied(Connection connection, String sql) {
        assertThatThrownBy(() -> execute(connection, sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .satisfies(e ->
                        assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo(PERMISSION_DENIED));
    }

    private static String single(String database, String sql) throws SQLException {
        try (Connection connection = postgres.superuser(database)) {
            return query(connection, sql);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
