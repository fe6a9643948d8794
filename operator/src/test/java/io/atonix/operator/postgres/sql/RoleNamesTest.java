package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleNamesTest {

    @Test
    void ownersAreNamedAfterTheirDatabase() {
        assertThat(RoleNames.owner("shop")).isEqualTo("shop_owner");
        assertThat(RoleNames.owner("a".repeat(57))).isEqualTo("a".repeat(57) + "_owner");
    }

    @Test
    void ownersOfLongDatabaseNamesStayWithinPostgresLimitAndApart() {
        String one = RoleNames.owner("a".repeat(60) + "one");
        String two = RoleNames.owner("a".repeat(60) + "two");

        assertThat(one).hasSize(63).endsWith("_owner").isNotEqualTo(two);
        assertThat(new Login(one, Password.of("x")).role()).isEqualTo(one);
    }

    @Test
    void serviceRolesAreTheServiceNamesWhichCannotMeetAnOwnerOrTheMonitoringRole() {
        assertThat(RoleNames.login("order-api")).isEqualTo("order-api");
        assertThat(RoleNames.MONITORING).contains("_");
        assertThat(RoleNames.owner("x")).contains("_");
    }
}
