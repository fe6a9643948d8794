package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a probe against a running container, as the kubelet does it: exec, tcpSocket or httpGet. */
final class ProbeCheck {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProbeCheck() {}

    static boolean passes(
            Probe probe, Container container, PodContext pod, long pid, Identity identity, Map<String, String> env) {
        int timeout = probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds();
        try {
            if (probe.getExec() != null) {
                List<String> command =
                        probe.getExec().getCommand().stream().map(pod::local).toList();
                ProcessBuilder builder = new ProcessBuilder(ContainerSandbox.exec(pid, identity, command))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().clear();
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0;
            }
            if (probe.getTcpSocket() != null) {
                try (Socket socket = new Socket()) {
                    socket.connect(
                            new InetSocketAddress(
                                    pod.podIp(), port(probe.getTcpSocket().getPort(), container)),
                            timeout * 1000);
                    return true;
                }
            }
            if (probe.getHttpGet() != null) {
                var get = probe.getHttpGet();
                String scheme =
                        get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
                String path = get.getPath() == null ? "/" : get.getPath();
                URI uri = URI.create(scheme + "://" + pod.podIp() + ":" + port(get.getPort(), container) + path);
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(timeout))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() >= 200 && response.statusCode() < 400;
            }
            throw new IllegalStateException("unsupported probe of " + container.getName());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int port(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no port " + port.getStrVal()))
                .getContainerPort();
    }
}
