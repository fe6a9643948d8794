package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of the operator, as the chart runs them with {@code replicas: 2}: each with its own token of the chart's
 * ServiceAccount (the audit log tells them apart by it) and its own pod name as its identity in the Lease. The leader
 * is SIGKILLed while it creates stacks; the standby takes over once the Lease expires, and alone finishes the stacks.
 */
@ExtendWith(RealCluster.class)
class LeaderFailoverIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String LEASE = "atonix-failover";
    private static final Duration LEASE_DURATION = Duration.ofSeconds(10);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(6);
    private static final Duration RETRY_PERIOD = Duration.ofSeconds(2);
    /**
     * fabric8's elector counts the Lease expired a lease duration after the renew time the leader wrote into it, which
     * was up to a retry period before the kill; the standby notices on its next try, up to 1.2 retry periods later
     * (fabric8's jitter). So it takes over between a lease duration less one retry period and a lease duration plus
     * 1.2 after the kill, plus what a busy machine adds.
     */
    private static final Duration TAKEOVER_BOUND =
            LEASE_DURATION.plus(RETRY_PERIOD.multipliedBy(3)).plusSeconds(5);

    private static final int STACKS = 10;
    private static final int SERVICES = 3;

    private record Replica(String name, ChartIdentity identity, OperatorProcess process) {}

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static final Queue<Replica> replicas = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void connect() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "failover");
    }

    /** The namespaces go first, while the surviving replica still runs and releases its finalizer on the stacks. */
    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                for (Replica replica : replicas) {
                    replica.process().close();
                }
            } finally {
                if (admin != null) {
                    admin.leases()
                            .inNamespace(ChartIdentity.NAMESPACE)
                            .withName(LEASE)
                            .delete();
                    admin.close();
                }
            }
        }
    }

    @Test
    void whenTheLeaderIsKilledWhileCreatingStacksTheStandbyTakesOverWithinTheLeaseAndConvergesAlone() throws Exception {
        String ns = namespaces.restricted("stacks");
        BuiltChildren children = new BuiltChildren(admin, ns);
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        long mark = audit.mark();
        startReplicas("failover-a", "failover-b");
        Replica leader = replica(awaitHolder(holder -> holder != null && !holder.isBlank()));
        Replica standby = replicas.stream().filter(r -> r != leader).findFirst().orElseThrow();

        // Killed as soon as it has created part of the stacks' children: told by a watch, not a poll, which on a busy
        // machine lets it create most of them first.
        CompletableFuture<List<ServiceAccount>> firstChild = admin.serviceAccounts()
                .inNamespace(ns)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .informOnCondition(accounts -> !accounts.isEmpty());
        for (int i = 0; i < STACKS; i++) {
            admin.resource(stack(ns, "stack" + i)).create();
        }
        firstChild.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Instant killed = Instant.now();
        leader.process().kill();
        Map<String, String> beforeTakeover = children.uids();
        Map<String, String> expected = children.desired();

        awaitHolder(holder -> standby.name().equals(holder));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.printf(
                "LeaderFailoverIT: %s killed after creating %d of %d children, %s holds the Lease %d ms later"
                        + " (lease duration %s, retry period %s)%n",
                leader.name(),
                beforeTakeover.size(),
                expected.size(),
                standby.name(),
                takeover.toMillis(),
                LEASE_DURATION,
                RETRY_PERIOD);

        await().atMost(TIMEOUT)
                .until(() -> admin.resources(AppStack.class).inNamespace(ns).list().getItems().stream()
                                .filter(StackOnRealClusterIT::isReady)
                                .count()
                        == STACKS);
        Map<String, String> converged = children.uids();

        assertThat(takeover)
                .as("from the kill until the standby holds the Lease")
                .isLessThan(TAKEOVER_BOUND)
                .isGreaterThan(LEASE_DURATION.minus(RETRY_PERIOD.multipliedBy(2)));
        assertThat(beforeTakeover.size())
                .as("children the killed leader created")
                .isLessThan(expected.size());
        assertThat(children.hashes())
                .as("each stack's children, each once, as the builders make them")
                .isEqualTo(expected);
        assertThat(converged)
                .as("what the killed leader created is the same object afterwards: updated at most, never recreated")
                .containsAllEntriesOf(beforeTakeover);

        List<AuditLog.Write> byLeader = audit.writesWith(leader.identity().credentialId(), mark);
        List<AuditLog.Write> byStandby = audit.writesWith(standby.identity().credentialId(), mark);
        Instant acquired = byStandby.stream()
                .filter(w -> w.succeeded() && w.what().startsWith("leases "))
                .findFirst()
                .orElseThrow()
                .received();
        System.out.printf(
                "LeaderFailoverIT: the audit log has the standby acquire the Lease %d ms after the kill%n",
                Duration.between(killed, acquired).toMillis());
        assertThat(byLeader)
                .as("the killed leader's writes, children of the stacks among them")
                .anyMatch(w ->
                        w.verb().equals("create") && w.succeeded() && w.what().contains(" " + ns + "/"));
        assertThat(byLeader)
                .as("writes of the killed leader once the standby held the Lease")
                .filteredOn(w -> !w.received().isBefore(acquired))
                .isEmpty();
        // A refused write changes nothing: both replicas may try to create the Lease at start, and one is refused.
        assertThat(byStandby)
                .as("writes the standby made before it held the Lease, besides its question about its own rights")
                .filteredOn(w -> w.received().isBefore(acquired))
                .filteredOn(AuditLog.Write::succeeded)
                .filteredOn(w -> !w.what().startsWith("selfsubjectrulesreviews "))
                .isEmpty();
    }

    /** Starts the replicas side by side, as a Deployment's pods start, each named like a pod. */
    private static void startReplicas(String... names) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (String name : names) {
                started.add(starter.submit(() -> {
                    ChartIdentity identity = ChartIdentity.replica(RealCluster.plane(), name);
                    replicas.add(new Replica(
                            name,
                            identity,
                            OperatorProcess.start(RealCluster.plane(), name, identity, settings(name))));
                    return null;
                }));
            }
            // Every start has ended before a failed one is reported, so that @AfterAll finds each replica it started.
            ExecutionException failed = null;
            for (Future<?> start : started) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            starter.shutdown();
        }
    }

    /** The chart's leader election settings, with the values the kubelet fills in: the pod's name and namespace. */
    private static Map<String, String> settings(String pod) {
        return Map.of(
                "HOSTNAME",
                pod,
                "ATONIX_LEADER_ELECTION_ENABLED",
                "true",
                "ATONIX_LEADER_ELECTION_LEASE_NAME",
                LEASE,
                "ATONIX_LEADER_ELECTION_LEASE_NAMESPACE",
                ChartIdentity.NAMESPACE,
                "ATONIX_LEADER_ELECTION_LEASE_DURATION",
                LEASE_DURATION.toSeconds() + "s",
                "ATONIX_LEADER_ELECTION_RENEW_DEADLINE",
                RENEW_DEADLINE.toSeconds() + "s",
                "ATONIX_LEADER_ELECTION_RETRY_PERIOD",
                RETRY_PERIOD.toSeconds() + "s");
    }

    private static Replica replica(String name) {
        return replicas.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Lease is held by " + name + ", no replica of this test"));
    }

    private static String awaitHolder(Predicate<String> wanted) {
        String[] holder = {null};
        await("the Lease " + LEASE + "'s holder")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Lease lease = admin.leases()
                            .inNamespace(ChartIdentity.NAMESPACE)
                            .withName(LEASE)
                            .get();
                    holder[0] = lease == null ? null : lease.getSpec().getHolderIdentity();
                    return wanted.test(holder[0]);
                });
        return holder[0];
    }

    private static AppStack stack(String namespace, String name) {
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            services.add(TestStacks.withReplicas(TestStacks.service("svc" + i, "acme/svc:1", 8080), 2));
        }
        return TestStacks.stack(namespace, name, TestStacks.spec(services, null, null, null, null, null, null));
    }
}
