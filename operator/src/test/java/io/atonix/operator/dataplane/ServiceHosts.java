package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hosts file that plays cluster DNS for the agent's pods: {@code <service>.<namespace>.svc} (and
 * {@code .svc.cluster.local}) name the addresses of the ready pods the Service selects, and a StatefulSet pod is also
 * {@code <pod>.<service>.<namespace>.svc}. EndpointSlices refuse loopback addresses, so the agent maps names itself. The
 * operator process reads the file through {@code -Djdk.net.hosts.file}; the containers see it as /etc/hosts.
 */
final class ServiceHosts {
    private final KubernetesClient client;
    private final Path file;

    ServiceHosts(KubernetesClient client, Path file) {
        this.client = client;
        this.file = file;
    }

    /** The file with only the machine's own names, for a process that starts before the agent. */
    static void ensure(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, base());
        }
    }

    void update(Collection<PodRunner> pods) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        for (Service service : client.services().inAnyNamespace().list().getItems()) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            String name = service.getMetadata().getName();
            String namespace = service.getMetadata().getNamespace();
            for (PodRunner pod : pods) {
                var meta = pod.context().pod().getMetadata();
                Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
                if (!namespace.equals(meta.getNamespace())
                        || !labels.entrySet().containsAll(selector.entrySet())
                        || !pod.ready()) {
                    continue;
                }
                String ip = pod.context().podIp();
                for (String domain : List.of(".svc", ".svc.cluster.local")) {
                    lines.merge(name + "." + namespace + domain, ip, (a, b) -> a + " " + b);
                    lines.put(meta.getName() + "." + name + "." + namespace + domain, ip);
                }
            }
        }
        StringBuilder text = new StringBuilder(base());
        // A hosts file maps an address to names; a name with several addresses takes one line per address.
        lines.forEach((name, ips) -> {
            for (String ip : ips.split(" ")) {
                text.append(ip).append(' ').append(name).append('\n');
            }
        });
        if (Files.exists(file) && Files.readString(file).contentEquals(text)) {
            return;
        }
        // Rewritten in place, not replaced: the containers see the file through a bind mount of its inode.
        Files.writeString(file, text);
        System.out.println("[data plane] hosts file now names " + lines.keySet());
    }

    private static String base() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return "127.0.0.1 localhost " + host + "\n::1 localhost ip6-localhost\n";
    }
}
