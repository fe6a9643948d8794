package io.atonix.operator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Job and CronJob names fit what Kubernetes allows for stack and job names of the longest the CRD admits. */
class JobNamesTest {
    private static final String STACK = "a".repeat(30);
    private static final String JOB = "b".repeat(29) + "c";

    @Test
    void shortNamesAreTheStackAndTheJob() {
        assertThat(JobNames.cronJob("shop", "nightly")).isEqualTo("shop-nightly");
        assertThat(JobNames.migration("shop", "migrate", "0123abcd")).isEqualTo("shop-migrate-0123abcd");
    }

    @Test
    void aCronJobNameKeepsToFiftyTwoCharactersAndAJobNameToSixtyThree() {
        assertThat(JobNames.cronJob(STACK, JOB)).hasSizeLessThanOrEqualTo(52).startsWith(STACK + "-b");
        assertThat(JobNames.migration(STACK, JOB, "0123abcd"))
                .hasSize(63)
                .startsWith(STACK + "-b")
                .endsWith("-0123abcd");
    }

    @Test
    void twoLongJobsOfOneStackKeepDifferentNames() {
        String other = "b".repeat(29) + "d";
        assertThat(JobNames.cronJob(STACK, JOB)).isNotEqualTo(JobNames.cronJob(STACK, other));
        assertThat(JobNames.migrationPrefix(STACK, JOB)).isNotEqualTo(JobNames.migrationPrefix(STACK, other));
    }
}
