package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.NodeAddressBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet of one node: registers the node and keeps it Ready (a status heartbeat every 10 s), runs each pod
 * bound to it ({@link PodRunner}), keeps the {@link ServiceHosts} file current, and when a pod is deleted stops its
 * containers within the grace period and then finishes the deletion (delete with grace period 0), as a kubelet does. A
 * pod that cannot start yet (its claim not bound, a Secret not there) is tried again every second.
 */
final class NodeAgent implements AutoCloseable {
    private final String node;
    private final NodeServices services;
    private final Path podsRoot;
    private final DataPlaneCount count;
    private final LoopbackAddresses addresses = new LoopbackAddresses();
    private final Map<String, PodRunner> pods = new ConcurrentHashMap<>();
    private final Map<String, Pod> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final Set<String> terminating = ConcurrentHashMap.newKeySet();
    private final ServiceHosts hosts;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("node agent"));
    private final ExecutorService terminations = Executors.newCachedThreadPool(daemon("pod termination"));
    private SharedIndexInformer<Pod> informer;
    private VolumeReclaimer reclaimer;

    NodeAgent(String node, NodeServices services, Path podsRoot, DataPlaneCount count) {
        this.node = node;
        this.services = services;
        this.podsRoot = podsRoot;
        this.count = count;
        this.hosts = new ServiceHosts(services.client(), services.hostsFile());
    }

    String node() {
        return node;
    }

    void start() {
        KubernetesClient client = services.client();
        client.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(node)
                        .addToLabels("type", "atonix-data")
                        .addToLabels("kubernetes.io/hostname", node)
                        .addToLabels("kubernetes.io/os", "linux")
                        .addToLabels("kubernetes.io/arch", "amd64")
                        .endMetadata()
                        .withNewSpec()
                        .addNewTaint()
                        .withKey(DataPlane.TAINT)
                        .withEffect("NoSchedule")
                        .endTaint()
                        .endSpec()
                        .build())
                .create();
        heartbeat();
        reclaimer = new VolumeReclaimer(client, services.volumes().root());
        timer.scheduleWithFixedDelay(this::heartbeat, 10, 10, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        informer = client.pods()
                .inAnyNamespace()
                .withField("spec.nodeName", node)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        seen(pod);
                    }

                    @Override
                    public void onUpdate(Pod old, Pod pod) {
                        seen(pod);
                    }

                    @Override
                    public void onDelete(Pod pod, boolean unknownFinalState) {
                        waiting.remove(key(pod));
                        PodRunner runner = pods.remove(key(pod));
                        if (runner != null) {
                            terminations.execute(() -> stop(runner, Duration.ZERO));
                        }
                    }
                });
    }

    /** The running pod, for tests that act on its processes. */
    PodRunner pod(String namespace, String name) {
        return pods.values().stream()
                .filter(p -> p.context().namespace().equals(namespace)
                        && p.context().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no pod " + namespace + "/" + name + " runs on " + node));
    }

    private void seen(Pod pod) {
        String key = key(pod);
        if (pod.getMetadata().getDeletionTimestamp() == null) {
            if (!pods.containsKey(key) && !terminating.contains(key)) {
                waiting.put(key, pod);
            }
            return;
        }
        waiting.remove(key);
        if (!terminating.add(key)) {
            return;
        }
        PodRunner runner = pods.remove(key);
        terminations.execute(() -> {
            if (runner != null) {
                Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
                stop(runner, Duration.ofSeconds(grace == null ? 30 : grace));
            }
            try {
                services.client()
                        .pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .withGracePeriod(0)
                        .delete();
            } catch (RuntimeException e) {
                System.err.println("[data plane] finishing the deletion of " + key + ": " + e.getMessage());
            }
        });
    }

    private void tick() {
        for (Map.Entry<String, Pod> entry : waiting.entrySet()) {
            Pod pod = entry.getValue();
            if (pods.containsKey(entry.getKey())) {
                waiting.remove(entry.getKey());
                continue;
            }
            String name =
                    pod.getMetadata().getNamespace() + "_" + pod.getMetadata().getName() + "_"
                            + pod.getMetadata().getUid().substring(0, 8);
            try {
                PodRunner runner =
                        PodRunner.start(new PodContext(pod, addresses.next(), podsRoot.resolve(name)), services);
                pods.put(entry.getKey(), runner);
                waiting.remove(entry.getKey());
                count.started(pod, runner.kinds());
            } catch (Exception | Error e) {
                if (!String.valueOf(e.getMessage())
                        .equals(lastError.put(entry.getKey(), String.valueOf(e.getMessage())))) {
                    System.err.println("[data plane] pod " + entry.getKey() + " cannot start yet: " + e);
                }
            }
        }
        try {
            hosts.update(pods.values());
        } catch (Exception | Error e) {
            System.err.println("[data plane] hosts file: " + e);
        }
    }

    private void heartbeat() {
        try {
            String now = Instant.now().toString();
            services.client().nodes().withName(node).editStatus(n -> {
                n.getStatus()
                        .setConditions(java.util.List.of(new NodeConditionBuilder()
                                .withType("Ready")
                                .withStatus("True")
                                .withReason("AtonixNodeAgentReady")
                                .withLastHeartbeatTime(now)
                                .withLastTransitionTime(now)
                                .build()));
                n.getStatus()
                        .setAddresses(java.util.List.of(new NodeAddressBuilder()
                                .withType("InternalIP")
                                .withAddress("127.0.0.1")
                                .build()));
                Map<String, Quantity> resources =
                        Map.of("cpu", new Quantity("32"), "memory", new Quantity("256Gi"), "pods", new Quantity("110"));
                n.getStatus().setCapacity(resources);
                n.getStatus().setAllocatable(resources);
                return n;
            });
        } catch (RuntimeException e) {
            System.err.println("[data plane] node heartbeat: " + e.getMessage());
        }
    }

    private static void stop(PodRunner runner, Duration grace) {
        try {
            runner.stop(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/"
                + pod.getMetadata().getUid();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        if (reclaimer != null) {
            reclaimer.close();
        }
        timer.shutdownNow();
        for (PodRunner runner : pods.values()) {
            stop(runner, Duration.ofSeconds(5));
        }
        pods.clear();
        terminations.shutdownNow();
    }
}
