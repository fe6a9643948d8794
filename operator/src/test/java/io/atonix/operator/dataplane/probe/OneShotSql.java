package io.atonix.operator.dataplane.probe;

import java.time.Duration;
import java.util.Map;

/**
 * The probe's one-shot mode, for a Job: runs SQL once with the use's login and tells by its exit code whether it
 * worked. Like a migration tool (Flyway's connectRetries), it waits for the database first: a Job of a new stack starts
 * while its PostgreSQL is still starting and its login not yet created, which is no failure of the migration.
 */
final class OneShotSql {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private OneShotSql() {}

    /** @return 0 when the SQL ran, 1 when the server refused it or never let the login in */
    static int run(Map<String, String> env, String sql) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String answer = new PostgresProbe(env, ProbeQuery.parse(null)).run(sql);
        while (notYetReachable(answer) && System.nanoTime() < deadline) {
            System.out.println("waiting for the database: " + answer);
            Thread.sleep(PAUSE.toMillis());
            answer = new PostgresProbe(env, ProbeQuery.parse(null)).run(sql);
        }
        System.out.println(answer);
        return answer.startsWith("ok") ? 0 : 1;
    }

    /** Connection failures (class 08), a login not yet there (28), a database not yet there (3D000), a server starting (57P03). */
    private static boolean notYetReachable(String answer) {
        return answer.startsWith("refused 08")
                || answer.startsWith("refused 28")
                || answer.startsWith("refused 3D000")
                || answer.startsWith("refused 57P03")
                || answer.startsWith("refused null");
    }
}
