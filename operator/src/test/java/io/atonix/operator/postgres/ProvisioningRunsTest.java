package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.operator.postgres.sql.JdbcConnector;
import io.atonix.operator.postgres.sql.Password;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisioningRunsTest {
    private static final ResourceID SILENT = new ResourceID("db", "team-silent");
    private static final ResourceID OTHER = new ResourceID("db", "team-other");

    private final List<ResourceID> finished = new CopyOnWriteArrayList<>();
    private final ProvisioningRuns runs = new ProvisioningRuns(1);

    @BeforeEach
    void start() {
        runs.setEventHandler(event -> finished.add(((Event) event).getRelatedCustomResourceID()));
        runs.start();
    }

    @AfterEach
    void stop() {
        runs.stop();
    }

    @Test
    void aServerThatDoesNotAnswerHoldsAProvisioningThreadButNeverTheReconcileThatAskedForIt() throws IOException {
        // Accepts connections into its backlog and never answers: the driver waits for its login timeout.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            assertThat(runs.outcome(SILENT, "v1", connectingTo(silent.getLocalPort())))
                    .isEmpty();
            // The one provisioning thread is held by the silent server; the next Postgres is queued, not waited for.
            assertThat(runs.outcome(OTHER, "v1", () -> "")).isEmpty();
            assertThat(runs.outcome(SILENT, "v1", connectingTo(silent.getLocalPort())))
                    .as("asked again while the run is under way")
                    .isEmpty();
            assertThat(finished).isEmpty();
        }
        // Closed, the server refuses: the run fails, and each Postgres is told to reconcile once its run ended.
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.containsAll(List.of(SILENT, OTHER)));
        assertThat(runs.outcome(SILENT, "v1", () -> ""))
                .hasValueSatisfying(failure -> assertThat(failure).isNotEmpty());
        assertThat(runs.outcome(OTHER, "v1", () -> "")).hasValue("");
    }

    @Test
    void aFailureIsToldOnceThenRunAgainAndStandsUntilTheRetryEnds() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<String> failing = () -> "attempt " + attempts.incrementAndGet() + " failed";
        assertThat(runs.outcome(SILENT, "v1", failing)).isEmpty();
        await().until(() -> finished.size() == 1);
        assertThat(runs.outcome(SILENT, "v1", failing)).hasValue("attempt 1 failed");
        assertThat(runs.outcome(SILENT, "v1", failing))
                .as("the retry starts; the status keeps the failure instead of flapping")
                .hasValue("attempt 1 failed");
        await().until(() -> finished.size() == 2);
        assertThat(runs.outcome(SILENT, "v1", failing)).hasValue("attempt 2 failed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSuccessStandsUntilTheInputsChangeOrTheServerIsForgotten() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<String> succeeding = () -> attempts.incrementAndGet() > 0 ? "" : "never";
        assertThat(runs.outcome(SILENT, "v1", succeeding)).isEmpty();
        await().until(() -> finished.size() == 1);
        assertThat(runs.outcome(SILENT, "v1", succeeding)).hasValue("");
        assertThat(runs.outcome(SILENT, "v1", succeeding)).hasValue("");
        assertThat(attempts).hasValue(1);

        assertThat(runs.outcome(SILENT, "v2", succeeding))
                .as("a rotated password")
                .isEmpty();
        await().until(() -> finished.size() == 2);
        assertThat(runs.outcome(SILENT, "v2", succeeding)).hasValue("");
        runs.forget(SILENT);
        assertThat(runs.outcome(SILENT, "v2", succeeding))
                .as("a restarted server")
                .isEmpty();
        await().until(() -> attempts.get() == 3);
    }

    @Test
    void aRunThatThrowsIsAFailureWithItsCause() {
        assertThat(runs.outcome(SILENT, "v1", () -> {
                    throw new IllegalStateException("no route");
                }))
                .isEmpty();
        await().until(() -> finished.size() == 1);
        assertThat(runs.outcome(SILENT, "v1", () -> ""))
                .hasValueSatisfying(failure -> assertThat(failure).contains("no route"));
    }

    private static Supplier<String> connectingTo(int port) {
        return () -> {
            try (var connection =
                    new JdbcConnector("127.0.0.1", port, "postgres", Password.of("secret")).connect("postgres")) {
                return "";
            } catch (SQLException e) {
                return e.getMessage();
            }
        };
    }
}
