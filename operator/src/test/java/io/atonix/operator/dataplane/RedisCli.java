package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's redis-cli, as a login's user against a pod's address: one command, its reply or error, trimmed. */
final class RedisCli {
    private final TestPrograms.Program program;

    RedisCli() {
        program = TestPrograms.debian("redis-cli", "REDIS_CLI", RedisImage.PACKAGES);
    }

    String run(String address, Map<String, String> login, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("-h", address, "-p", "6379"));
        if (login.containsKey("username")) {
            args.addAll(List.of("--user", login.get("username")));
        }
        args.addAll(List.of(command));
        ProcessBuilder builder = program.command(args).redirectErrorStream(true);
        if (login.containsKey("password")) {
            builder.environment().put("REDISCLI_AUTH", login.get("password"));
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }
}
