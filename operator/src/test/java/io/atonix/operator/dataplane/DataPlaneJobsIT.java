package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pods the agent runs without the operator: init containers run first and to completion, Job pods run to completion
 * and their exit codes decide whether the Job succeeds, and a tcpSocket probe drives readiness. The redis image serves as the program: its shell and redis-server.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class DataPlaneJobsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void start() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-jobs");
        namespace = namespaces.plain("jobs");
        DataPlane.admit(admin, namespace);
    }

    @AfterAll
    static void stop() {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void aJobWhoseProcessExitsWithZeroAfterItsInitContainerCompletesAndOneWhoseProcessExitsWithThreeFails() {
        Job passes = job("passes", "test \"$(cat /shared/flag)\" = prepared && redis-cli --version");
        passes.getSpec()
                .getTemplate()
                .getSpec()
                .setInitContainers(List.of(new ContainerBuilder()
                        .withName("prepare")
                        .withImage("redis:7.2")
                        .withCommand("sh", "-c", "echo prepared > /shared/flag")
                        .addNewVolumeMount()
                        .withName("shared")
                        .withMountPath("/shared")
                        .endVolumeMount()
                        .build()));
        admin.resource(passes).create();
        admin.resource(job("fails", "exit 3")).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(conditions("passes")).contains("Complete");
            assertThat(conditions("fails")).contains("Failed");
        });
        Pod passed = admin.pods()
                .inNamespace(namespace)
                .withLabel("job-name", "passes")
                .list()
                .getItems()
                .get(0);
        assertThat(passed.getStatus()
                        .getInitContainerStatuses()
                        .get(0)
                        .getState()
                        .getTerminated()
                        .getExitCode())
                .isEqualTo(0);
        Pod failed = admin.pods()
                .inNamespace(namespace)
                .withLabel("job-name", "fails")
                .list()
                .getItems()
                .get(0);
        assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(failed.getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getState()
                        .getTerminated()
                        .getExitCode())
                .isEqualTo(3);
    }

    @Test
    void aJobsTerminationMessageIsWhatItWroteToItsTerminationLogOrOnFailureTheEndOfItsLog() {
        admin.resource(job("reports", "echo '{\"rows\":42}' > /dev/termination-log"))
                .create();
        Job fallback = job("explains", "echo 'no bucket named archive' >&2; exit 1");
        fallback.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .setTerminationMessagePolicy("FallbackToLogsOnError");
        admin.resource(fallback).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(terminated("reports").getMessage()).isEqualTo("{\"rows\":42}\n");
            assertThat(terminated("explains").getMessage()).isEqualTo("no bucket named archive");
        });
        assertThat(new java.io.File("/dev/termination-log"))
                .as("nothing written to the host's /dev")
                .doesNotExist();
    }

    private static io.fabric8.kubernetes.api.model.ContainerStateTerminated terminated(String job) {
        var pods = admin.pods()
                .inNamespace(namespace)
                .withLabel("job-name", job)
                .list()
                .getItems();
        assertThat(pods).isNotEmpty();
        var statuses = pods.get(0).getStatus().getContainerStatuses();
        assertThat(statuses).as(job + " container statuses").isNotEmpty();
        var state = statuses.get(0).getState().getTerminated();
        assertThat(state).as(job + " terminated").isNotNull();
        return state;
    }

    @Test
    void aPodBecomesReadyOnceItsTcpSocketProbeReachesTheServerAtThePodsAddress() {
        admin.resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("tcp")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("server")
                        .withImage("redis:7.2")
                        .withCommand("redis-server", "--port", "6390", "--save", "")
                        .withNewReadinessProbe()
                        .withNewTcpSocket()
                        .withPort(new IntOrString(6390))
                        .endTcpSocket()
                        .withPeriodSeconds(1)
                        .endReadinessProbe()
                        .endContainer()
                        .endSpec()
                        .build())
                .create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Pod pod = admin.pods().inNamespace(namespace).withName("tcp").get();
            assertThat(pod.getStatus().getPodIP()).startsWith("127.");
            assertThat(pod.getStatus().getConditions())
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        });
    }

    private static Job job(String name, String script) {
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("run")
                .withImage("redis:7.2")
                .withCommand("sh", "-c", script)
                .addNewVolumeMount()
                .withName("shared")
                .withMountPath("/shared")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("shared")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static List<String> conditions(String job) {
        Job current =
                admin.batch().v1().jobs().inNamespace(namespace).withName(job).get();
        if (current.getStatus() == null || current.getStatus().getConditions() == null) {
            return List.of();
        }
        return current.getStatus().getConditions().stream()
                .filter(c -> "True".equals(c.getStatus()))
                .map(c -> c.getType())
                .toList();
    }
}
