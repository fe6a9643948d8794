package io.atonix.operator.dataplane.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data plane's probe application: what a service of a stack would be, reduced to reporting what the binding
 * environment the operator gave it lets it do. It reads only its environment (PG*, DATABASE_URL, REDIS_*, AWS_* and S3_BUCKET,
 * with a use's envPrefix), and answers over HTTP:
 *
 * <ul>
 *   <li>{@code GET /healthz}: ok, once it listens (its readiness);
 *   <li>{@code GET /env}: the names of its variables, never their values;
 *   <li>{@code POST /postgres?prefix=&database=&via=url}: runs the body's SQL with the use's login ({@link
 *       PostgresProbe});
 *   <li>{@code POST /redis?prefix=&via=url}: runs the body's command with the use's login ({@link RedisProbe});
 *   <li>{@code POST /s3?prefix=&key=}: writes the body as the object key of the use's bucket, or reads it without a
 *       body ({@link S3Probe});
 *   <li>anything else: {@code <method> <path> as <user>}, the user being the X-Forwarded-Email a sign-in proxy in
 *       front of it passed, or {@code anonymous}: what a request that got through reached.
 * </ul>
 *
 * Each answer is one line {@code ok} or {@code refused <code> <message>}, then any result rows: what it could do.
 *
 * <p>Started by the agent as {@code java ... ProbeApplication <address> <port>}: the address is its pod's. A container
 * whose args are {@code sql <statements>} (a Job's, a migration's) runs once instead ({@link OneShotSql}): it runs the
 * statements with its use's login ({@code PG*}, no prefix) once the database lets it in, prints the answer and exits 0
 * when it is {@code ok}, 1 when it is refused.
 */
public final class ProbeApplication {
    private ProbeApplication() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        if (args.length == 4 && args[2].equals("sql")) {
            System.exit(OneShotSql.run(env, args[3]));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 16);
        server.createContext("/", exchange -> answer(exchange, reached(exchange)));
        server.createContext("/healthz", exchange -> answer(exchange, "ok"));
        server.createContext("/env", exchange -> answer(exchange, String.join("\n", new TreeSet<>(env.keySet()))));
        server.createContext(
                "/postgres", exchange -> answer(exchange, new PostgresProbe(env, query(exchange)).run(body(exchange))));
        server.createContext(
                "/redis", exchange -> answer(exchange, new RedisProbe(env, query(exchange)).run(body(exchange))));
        server.createContext(
                "/s3",
                exchange -> answer(exchange, new S3Probe(env, query(exchange)).run(key(exchange), body(exchange))));
        server.start();
        System.out.println("probe listening on " + args[0] + ":" + args[1]);
    }

    private static String reached(HttpExchange exchange) {
        String user = exchange.getRequestHeaders().getFirst("X-Forwarded-Email");
        return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " as "
                + (user == null ? "anonymous" : user);
    }

    private static ProbeQuery query(HttpExchange exchange) {
        return ProbeQuery.parse(exchange.getRequestURI().getRawQuery());
    }

    private static String key(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.startsWith("key=")) {
                return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return "probe";
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
