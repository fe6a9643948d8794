package io.atonix.operator.dataplane.probe;

import io.atonix.operator.redis.RespClient;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * One Redis command (the body's words) with a use's Redis binding: REDIS_HOST, REDIS_PORT, REDIS_USERNAME and
 * REDIS_PASSWORD, or REDIS_URL, each with the use's prefix. The client authenticates first, as a client library given
 * those does. The answer is {@code ok} and the reply, or {@code refused <error reply>}.
 */
final class RedisProbe {
    private final Map<String, String> env;
    private final ProbeQuery query;

    RedisProbe(Map<String, String> env, ProbeQuery query) {
        this.env = env;
        this.query = query;
    }

    String run(String command) {
        String host = variable("REDIS_HOST");
        String port = variable("REDIS_PORT");
        String user = variable("REDIS_USERNAME");
        String password = variable("REDIS_PASSWORD");
        if (query.viaUrl()) {
            URI url = URI.create(variable("REDIS_URL"));
            String[] userInfo = url.getUserInfo().split(":", 2);
            host = url.getHost();
            port = String.valueOf(url.getPort());
            user = userInfo[0];
            password = userInfo[1];
        }
        if (host == null || port == null) {
            return "refused no " + query.prefix() + "REDIS_HOST or REDIS_PORT in the environment";
        }
        try (RespClient client = new RespClient(host, Integer.parseInt(port))) {
            Object hello = client.call("AUTH", String.valueOf(user), String.valueOf(password));
            if (hello instanceof RespClient.Error error) {
                return "refused " + error.message();
            }
            Object reply = client.call(command.strip().split("\\s+"));
            return reply instanceof RespClient.Error error ? "refused " + error.message() : "ok\n" + reply;
        } catch (IOException e) {
            return "refused " + e.getMessage();
        }
    }

    private String variable(String name) {
        return env.get(query.prefix() + name);
    }
}
