package io.atonix.operator.render;

import io.atonix.operator.common.CosiSettings;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.MonitoringSettings;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.PrometheusSettings;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.kafka.SharedTopics;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code render [--namespace NS] [--ingress-class NAME] [--gateway NS/NAME[/LISTENER]] [--prometheus-labels K=V,...]
 * [--strimzi-api-version V] [--kafka-authentication A] [--keda] [--keda-prometheus URL]
 * [--keda-prometheus-authentication NAME:MODES] [--cosi-bucket-access-class NAME] FILE...}: prints, as multi-document YAML, exactly the objects
 * the operator would create for the Atonix resources in the files. It needs no cluster and does not boot the operator.
 */
public final class RenderCommand {
    static final String USAGE = "usage: render [--namespace NS] [--ingress-class NAME] [--gateway NS/NAME[/LISTENER]]"
            + " [--prometheus-labels K=V,...]"
            + " [--strimzi-api-version v1|v1beta2] [--kafka-authentication scram-sha-512|tls]"
            + " [--kafka-shared-topics TOPIC:NS,...;...] [--keda] [--keda-prometheus URL]"
            + " [--keda-prometheus-authentication CLUSTERTRIGGERAUTHENTICATION:bearer|basic[,tls]]"
            + " [--cosi-bucket-access-class NAME] FILE...";

    private RenderCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @param authentication {@code NAME:MODES}, the ClusterTriggerAuthentication and KEDA's authModes it provides */
    private static PrometheusSettings prometheus(String address, String authentication) {
        if (authentication == null) {
            return new PrometheusSettings(address, null, List.of());
        }
        int colon = authentication.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("--keda-prometheus-authentication is NAME:MODES, such as"
                    + " platform-prometheus:bearer,tls, not '" + authentication + "'");
        }
        return new PrometheusSettings(
                address,
                authentication.substring(0, colon),
                PrometheusSettings.modes(authentication.substring(colon + 1)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String namespace = "default";
        String ingressClass = null;
        EdgeSettings edge = EdgeSettings.ingress();
        String prometheusLabels = "";
        KafkaAssumptions kafka = KafkaAssumptions.defaults();
        // As for a cluster that runs KEDA: ScaledObjects instead of the HPAs of services with triggers.
        boolean keda = false;
        String prometheusAddress = null;
        String prometheusAuthentication = null;
        String bucketAccessClass = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--namespace", "-n" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    namespace = args[i];
                }
                case "--ingress-class" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    ingressClass = args[i];
                }
                case "--gateway" -> {
                    // Gateway mode: HTTPRoutes attached to this Gateway instead of an Ingress.
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        edge = EdgeSettings.gateway(EdgeSettings.GatewayRef.parse(args[i]));
                    } catch (IllegalArgumentException e) {
                        err.println("render: " + e.getMessage());
                        return 2;
                    }
                }
                case "--prometheus-labels" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    prometheusLabels = args[i];
                }
                case "--grafana-dashboard-label" -> {
                    // Kept so that existing scripts still run: the chart labels the one dashboard of all stacks.
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    err.println("render: --grafana-dashboard-label has no effect: a stack has no dashboard of its own,"
                            + " the chart ships one for every stack (docs/monitoring.md)");
                }
                case "--strimzi-api-version", "--kafka-authentication", "--kafka-shared-topics" -> {
                    if (i + 1 >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        kafka = switch (args[i]) {
                            case "--strimzi-api-version" ->
                                new KafkaAssumptions(
                                        StrimziApiVersion.parse(args[++i]), kafka.authentication(), kafka.shared());
                            case "--kafka-authentication" ->
                                new KafkaAssumptions(
                                        kafka.version(), KafkaAuthentication.parse(args[++i]), kafka.shared());
                            default ->
                                new KafkaAssumptions(
                                        kafka.version(), kafka.authentication(), SharedTopics.parse(args[++i]));
                        };
                    } catch (IllegalArgumentException e) {
                        err.println("render: " + e.getMessage());
                        return 2;
                    }
                }
                case "--keda" -> keda = true;
                case "--cosi-bucket-access-class" -> {
                    // The BucketAccessClass of stores that name a BucketClaim and no class, as chart value cosi.*.
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    bucketAccessClass = args[i];
                }
                case "--keda-prometheus", "--keda-prometheus-authentication" -> {
                    // The platform's Prometheus, as chart values keda.prometheus.* set it for the operator.
                    if (i + 1 >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    if (args[i].equals("--keda-prometheus")) {
                        prometheusAddress = args[++i];
                    } else {
                        prometheusAuthentication = args[++i];
                    }
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        MonitoringSettings monitoring;
        PrometheusSettings prometheus;
        try {
            monitoring = MonitoringSettings.parse(prometheusLabels);
            prometheus = prometheus(prometheusAddress, prometheusAuthentication);
        } catch (IllegalArgumentException e) {
            err.println("render: " + e.getMessage());
            return 2;
        }
        Renderer renderer = new Renderer(
                new PlatformSettings(
                        ingressClass,
                        NetworkSettings.defaults(),
                        monitoring,
                        edge,
                        prometheus,
                        new CosiSettings(bucketAccessClass)),
                namespace,
                kafka,
                keda);
        KubernetesSerialization yaml = new KubernetesSerialization();
        StringBuilder output = new StringBuilder();
        Path current = null;
        try {
            for (Path file : files) {
                current = file;
                if (!Files.isRegularFile(file)) {
                    throw new InvalidResourceException(file + ": no such file");
                }
                for (HasMetadata resource : ResourceFiles.read(file)) {
                    for (HasMetadata object : renderer.render(file.toString(), resource)) {
                        output.append(yaml.asYaml(object));
                    }
                }
            }
        } catch (InvalidResourceException e) {
            err.println("render: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A resource the checks let through and a builder could not handle: a bug of render, said as one, with
            // the file, never as a stack trace that reads like the user's mistake.
            err.println("render: " + current + ": could not be rendered (" + e.getMessage()
                    + "); this is a bug of render, not necessarily of the file: please report it with the file");
            return 3;
        }
        // Nothing is printed unless every file rendered, so a partial result is never mistaken for the whole.
        out.print(output);
        out.flush();
        return 0;
    }
}
