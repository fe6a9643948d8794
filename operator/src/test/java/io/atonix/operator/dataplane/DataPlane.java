package io.atonix.operator.dataplane;

import io.atonix.operator.realcluster.LocalControlPlane;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real data plane of the real-cluster tier: one {@link NodeAgent} per test JVM on the node {@value #NODE}, which kwok
 * does not manage. A test class that wants its pods run for real extends with {@code RealCluster} and this, and calls
 * {@link #admit} for its namespaces: the API server's PodNodeSelector admission then binds every pod of the namespace
 * to the agent's node, and its PodTolerationRestriction admission gives them the toleration of the node's taint
 * {@value #TAINT}, which keeps the pods of every other namespace on kwok's node. When the run ends, the agent stops its pods and
 * the tier's log gets the summary line ({@link DataPlaneCount}).
 */
public final class DataPlane implements BeforeAllCallback {
    public static final String NODE = "atonix-data-0";
    /** The taint that keeps the pods of other namespaces off the agent's node. */
    static final String TAINT = "atonix.io/data-plane";

    private static final String NODE_SELECTOR = "scheduler.alpha.kubernetes.io/node-selector";
    private static final String DEFAULT_TOLERATIONS = "scheduler.alpha.kubernetes.io/defaultTolerations";
    private static NodeAgent agent;
    private static Path volumes;
    private static Path trusted;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        synchronized (DataPlane.class) {
            if (agent != null) {
                return;
            }
            LocalControlPlane plane = RealCluster.plane();
            Path root = plane.work().resolve("data-plane");
            Files.createDirectories(root);
            KubernetesClient client = plane.adminClient();
            Path hostsFile = hostsFile(plane);
            // The programs are had now: one that cannot be fails the class with how to get it, not a pod later.
            RedisImage redis = new RedisImage();
            redis.root();
            PostgresInstallations.of(PostgresInstallations.DEBIAN_MAJOR);
            PostgresExporterImage postgresExporter = new PostgresExporterImage();
            postgresExporter.binary();
            RedisExporterImage redisExporter = new RedisExporterImage();
            redisExporter.binary();
            DataPlaneCount count = new DataPlaneCount();
            volumes = root.resolve("volumes");
            trusted = root.resolve("trusted");
            NodeServices services = new NodeServices(
                    client,
                    new PodVolumes(client, volumes),
                    List.of(
                            redis,
                            new PostgresImage(),
                            new PostgresBarmanImage(),
                            new ProbeImage(),
                            postgresExporter,
                            redisExporter,
                            new OAuth2ProxyImage(trusted)),
                    new ContainerEnv(client),
                    hostsFile);
            agent = new NodeAgent(NODE, services, root.resolve("pods"), count);
            agent.start();
            System.out.println("[data plane] node agent on " + NODE + " (pods in " + root + "); the exporter sidecars"
                    + " run for real: postgres_exporter " + PostgresExporterImage.version() + " built from the Go"
                    + " module proxy, Debian's prometheus-redis-exporter for redis_exporter");
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(DataPlane.class.getName(), (ExtensionContext.Store.CloseableResource) () -> {
                        agent.close();
                        client.close();
                        System.out.println(count.summary());
                    });
        }
    }

    /** The hosts file that names Services' ready pods; the operator process reads it (-Djdk.net.hosts.file). */
    public static Path hostsFile(LocalControlPlane plane) throws java.io.IOException {
        Path file = plane.work().resolve("hosts");
        ServiceHosts.ensure(file);
        return file;
    }

    /** Makes every pod created in the namespace from now on run on the agent's node, and only there. */
    public static void admit(KubernetesClient admin, String namespace) {
        admin.namespaces().withName(namespace).edit(n -> {
            if (n.getMetadata().getAnnotations() == null) {
                n.getMetadata().setAnnotations(new java.util.HashMap<>());
            }
            n.getMetadata().getAnnotations().put(NODE_SELECTOR, "kubernetes.io/hostname=" + NODE);
            n.getMetadata()
                    .getAnnotations()
                    .put(
                            DEFAULT_TOLERATIONS,
                            "[{\"key\":\"" + TAINT + "\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]");
            return n;
        });
    }

    /** The directory that plays the PersistentVolume's disk. */
    public static Path volumeDirectory(String persistentVolume) {
        return volumes.resolve(persistentVolume);
    }

    /**
     * The file of CA certificates the node's images trust besides the public ones (the oauth2-proxy image's): where a
     * test puts the CA of the identity provider it runs on loopback.
     */
    public static Path trustedCaFile() {
        return trusted.resolve("ca.crt");
    }

    /**
     * The addresses the hosts file gives a Service's host name now: the data plane's endpoints. The agent writes them
     * within a second of a pod's readiness changing, so a client that goes through the Service waits for these, not
     * for the pods' Ready condition, as it would wait for EndpointSlices in a cluster.
     */
    public static List<String> serviceAddresses(String host) throws java.io.IOException {
        return Files.readAllLines(hostsFile(RealCluster.plane())).stream()
                .map(line -> line.split("\\s+"))
                .filter(words -> words.length > 1
                        && List.of(words).subList(1, words.length).contains(host))
                .map(words -> words[0])
                .toList();
    }

    /** Kills a container's main process with SIGKILL, as a crash or the OOM killer would. */
    public static void kill(String namespace, String pod, String container) {
        long pid = agent.pod(namespace, pod).pid(container);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
