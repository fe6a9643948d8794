package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The statement builders quote every name even if it slipped past {@link NameRules}: a hostile name ends up as one
 * quoted identifier, never as SQL.
 */
class DdlTest {
    private static final String HOSTILE = "x\"; DROP TABLE x; --";
    private static final String QUOTED = "\"x\"\"; DROP TABLE x; --\"";

    @Test
    void everyNameInAStatementIsQuoted() {
        assertThat(Ddl.createDatabase(HOSTILE, HOSTILE).sql())
                .isEqualTo("CREATE DATABASE " + QUOTED + " OWNER " + QUOTED);
        assertThat(Ddl.grantConnect(HOSTILE, HOSTILE).sql())
                .isEqualTo("GRANT CONNECT ON DATABASE " + QUOTED + " TO " + QUOTED);
        assertThat(Ddl.createExtension("db", HOSTILE).sql()).isEqualTo("CREATE EXTENSION IF NOT EXISTS " + QUOTED);
        assertThat(Ddl.grantOnAll("db", ObjectClass.TABLES, EnumSet.of(Privilege.SELECT), HOSTILE, HOSTILE)
                        .sql())
                .isEqualTo("GRANT SELECT ON ALL TABLES IN SCHEMA " + QUOTED + " TO " + QUOTED);
        assertThat(Ddl.grantByDefault(
                                "db",
                                HOSTILE,
                                ObjectClass.SEQUENCES,
                                EnumSet.of(Privilege.SELECT, Privilege.USAGE),
                                HOSTILE)
                        .sql())
                .isEqualTo("ALTER DEFAULT PRIVILEGES FOR ROLE " + QUOTED + " GRANT USAGE, SELECT ON SEQUENCES TO "
                        + QUOTED);
        assertThat(Ddl.grantMembership("pg_monitor", HOSTILE).sql()).isEqualTo("GRANT \"pg_monitor\" TO " + QUOTED);
    }

    @Test
    void aStatementWithAPasswordVerifierShowsOnlyItsAction() {
        Ddl.Statement statement = Ddl.createRole("api", "SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5");

        assertThat(statement.sql())
                .isEqualTo("CREATE ROLE \"api\" LOGIN PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5'");
        assertThat(statement.carriesSecret()).isTrue();
        assertThat(statement.action()).isEqualTo("created role api");
        assertThat(statement.toString()).isEqualTo("created role api");
    }
}
