package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusPaceTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final ConfigMap SHOP = primary("uid-shop");
    private static final ConfigMap BLOG = primary("uid-blog");

    private static ConfigMap primary(String uid) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withUid(uid)
                .endMetadata()
                .build();
    }

    @Test
    void aPrimaryNeverWrittenIsNotHeldBack() {
        assertThat(new StatusPace().holdBack(SHOP, T0)).isEmpty();
    }

    @Test
    void progressWithinASecondOfTheLastWriteWaitsForTheRestOfTheSecond() {
        StatusPace pace = new StatusPace();
        pace.wrote(SHOP, T0);
        assertThat(pace.holdBack(SHOP, T0.plusMillis(300))).contains(Duration.ofMillis(700));
    }

    @Test
    void progressASecondAfterTheLastWriteIsWrittenAtOnce() {
        StatusPace pace = new StatusPace();
        pace.wrote(SHOP, T0);
        assertThat(pace.holdBack(SHOP, T0.plus(StatusPace.INTERVAL))).isEmpty();
    }

    @Test
    void anotherPrimarysWriteHoldsNothingBack() {
        StatusPace pace = new StatusPace();
        pace.wrote(SHOP, T0);
        assertThat(pace.holdBack(BLOG, T0.plusMillis(300))).isEmpty();
    }
}
