package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plan is checked when it is built, so a hostile or impossible name never gets as far as a statement. */
class ProvisioningPlanTest {
    private static final Password PASSWORD = Password.of("s3cret-'\"\\$$");

    @ParameterizedTest(name = "database name {0} is refused")
    @ValueSource(
            strings = {
                "x\"; DROP TABLE x; --",
                "shop;",
                "Shop",
                "9shop",
                "shop-db",
                "",
                " shop",
                "shop\0",
                "postgres",
                "template0",
                "template1"
            })
    void databaseNamesOutsideTheRulesAreRefused(String name) {
        assertThatThrownBy(() -> new DatabasePlan(name, new Login("owner", PASSWORD), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }

    @ParameterizedTest(name = "role name {0} is refused")
    @ValueSource(
            strings = {
                "x\"; DROP TABLE x; --",
                "api'",
                "API",
                "-api",
                "a b",
                "pg_monitor",
                "pg_anything",
                "public",
                "postgres",
                "none",
                "current_user",
                "session_user"
            })
    void roleNamesOutsideTheRulesAreRefused(String name) {
        assertThatThrownBy(() -> new Login(name, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role name");
    }

    @Test
    void roleNamesMayBeServiceNamesOrDerivedFromDatabaseNames() {
        assertThat(new Login("order-api", PASSWORD).role()).isEqualTo("order-api");
        assertThat(new Login("1st-service", PASSWORD).role()).isEqualTo("1st-service");
        assertThat(new Login("shop_owner", PASSWORD).role()).isEqualTo("shop_owner");
        assertThat(new Login("a".repeat(63), PASSWORD).role()).hasSize(63);
        assertThatThrownBy(() -> new Login("a".repeat(64), PASSWORD)).hasMessageContaining("at most 63");
    }

    @Test
    void extensionNamesOutsideTheRulesAreRefused() {
        assertThat(new DatabasePlan(
                                "shop", new Login("shop_owner", PASSWORD), List.of("uuid-ossp", "pgcrypto", "pgcrypto"))
                        .extensions())
                .containsExactly("uuid-ossp", "pgcrypto");
        assertThatThrownBy(() -> new DatabasePlan(
                        "shop", new Login("shop_owner", PASSWORD), List.of("pgcrypto\"; DROP DATABASE shop; --")))
                .hasMessageContaining("extension name");
    }

    @Test
    void aMessageShowsAHostileNameAsPlainTextOfBoundedLength() {
        assertThatThrownBy(() -> NameRules.database("x\n" + "y".repeat(200)))
                .hasMessageNotContaining("\n")
                .hasMessageContaining("x?yyy")
                .hasMessageContaining("...");
    }

    @Test
    void aServiceMustUseAPlannedDatabase() {
        DatabasePlan shop = new DatabasePlan("shop", new Login("shop_owner", PASSWORD), List.of());
        ServiceLogin api = new ServiceLogin(new Login("api", PASSWORD), "billing", Access.ReadWrite);

        assertThatThrownBy(() -> new ProvisioningPlan(List.of(shop), List.of(api), null))
                .hasMessage("role 'api' uses database 'billing', which is not planned");
    }

    @Test
    void databasesAndRolesArePlannedOnce() {
        DatabasePlan shop = new DatabasePlan("shop", new Login("shop_owner", PASSWORD), List.of());
        DatabasePlan billing = new DatabasePlan("billing", new Login("shop_owner", PASSWORD), List.of());

        assertThatThrownBy(() -> new ProvisioningPlan(List.of(shop, shop), List.of(), null))
                .hasMessage("database 'shop' is planned twice");
        assertThatThrownBy(() -> new ProvisioningPlan(List.of(shop, billing), List.of(), null))
                .hasMessage("role 'shop_owner' is planned twice");
        assertThatThrownBy(() -> new ProvisioningPlan(List.of(shop), List.of(), new Login("shop_owner", PASSWORD)))
                .hasMessage("role 'shop_owner' is planned twice");
    }

    @Test
    void plansAreBuiltFromTheApiTypes() {
        DatabasePlan shop = DatabasePlan.of(new DatabaseSpec("shop", List.of("pg_trgm")), PASSWORD);
        ServiceLogin api = ServiceLogin.of(new RoleSpec("order-api", "shop", null), PASSWORD);
        ServiceLogin reports = ServiceLogin.of(new RoleSpec("reports", "shop", Access.ReadOnly), PASSWORD);

        ProvisioningPlan plan =
                new ProvisioningPlan(List.of(shop), List.of(api, reports), new Login(RoleNames.MONITORING, PASSWORD));

        assertThat(shop.owner().role()).isEqualTo("shop_owner");
        assertThat(shop.extensions()).containsExactly("pg_trgm");
        assertThat(api.role()).isEqualTo("order-api");
        assertThat(api.access()).isEqualTo(Access.ReadWrite);
        assertThat(reports.access()).isEqualTo(Access.ReadOnly);
        assertThat(plan.logins())
                .extracting(Login::role)
                .containsExactly("shop_owner", "order-api", "reports", "atonix_monitor");
        assertThat(plan.servicesOf("shop")).containsExactly(api, reports);
    }

    @Test
    void passwordsNeverShowInAPlanOrAMessage() {
        ProvisioningPlan plan = new ProvisioningPlan(
                List.of(new DatabasePlan("shop", new Login("shop_owner", PASSWORD), List.of())),
                List.of(new ServiceLogin(new Login("api", PASSWORD), "shop", Access.ReadWrite)),
                null);

        assertThat(plan.toString()).doesNotContain(PASSWORD.reveal()).contains("****");
        assertThat(PASSWORD.toString()).isEqualTo("****");
        assertThat(Password.of(PASSWORD.reveal())).isEqualTo(PASSWORD).isNotEqualTo(Password.of("other"));
        assertThatThrownBy(() -> Password.of("top\0secret")).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Password.of("")).hasMessageContaining("empty");
    }
}
