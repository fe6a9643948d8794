package io.atonix.operator.render;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.appstack.AppStackValidator;
import io.atonix.operator.appstack.AuthProxies;
import io.atonix.operator.appstack.BindingChecksums;
import io.atonix.operator.appstack.GatewayPaths;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.kafka.KafkaResources;
import io.atonix.operator.keda.EventScaling;
import io.atonix.operator.keda.KafkaClientSecurity;
import io.atonix.operator.keda.TriggersValidator;
import io.atonix.operator.objectstore.BucketAccesses;
import io.atonix.operator.objectstore.CosiValidator;
import io.atonix.operator.objectstore.ObjectStoreBindings;
import io.atonix.operator.postgres.PostgresResources;
import io.atonix.operator.postgres.PostgresValidator;
import io.atonix.operator.redis.RedisResources;
import io.atonix.operator.redis.RedisValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns resources into the objects the operator would create for them, through the controllers' own builders. The
 * monitoring objects are included (each kind builds its own): the operator creates them where the cluster runs the
 * Prometheus Operator; so are the cert-manager Certificates, which it creates where cert-manager runs, and the
 * object store binding Secrets, whose access key shows where the operator copies it from.
 */
public final class Renderer {
    /** Stands for a password in rendered Secrets: the operator generates each one when it creates the Secret. */
    public static final String GENERATED = "<generated when the Secret is created>";

    private final PlatformSettings platform;
    private final String defaultNamespace;
    private final KafkaAssumptions kafka;
    private final boolean keda;

    public Renderer(PlatformSettings platform, String defaultNamespace) {
        this(platform, defaultNamespace, KafkaAssumptions.defaults());
    }

    public Renderer(PlatformSettings platform, String defaultNamespace, KafkaAssumptions kafka) {
        this(platform, defaultNamespace, kafka, false);
    }

    /** @param keda whether to render as for a cluster that runs KEDA: ScaledObjects for the services with triggers */
    public Renderer(PlatformSettings platform, String defaultNamespace, KafkaAssumptions kafka, boolean keda) {
        this.platform = platform;
        this.defaultNamespace = defaultNamespace;
        this.kafka = kafka;
        this.keda = keda;
    }

    public List<HasMetadata> render(String source, HasMetadata resource) throws InvalidResourceException {
        if (resource.getMetadata() != null && resource.getMetadata().getNamespace() == null) {
            resource.getMetadata().setNamespace(defaultNamespace);
        }
        if (resource instanceof AppStack stack) {
            List<SpecProblem> problems = new ArrayList<>(AppStackValidator.validate(stack));
            problems.addAll(GatewayPaths.validate(stack.getSpec(), platform));
            problems.addAll(TriggersValidator.prometheus(stack.getSpec(), platform.prometheus()));
            problems.addAll(CosiValidator.problems(stack.getSpec(), platform.cosi()));
            if (!problems.isEmpty()) {
                List<String> lines = new ArrayList<>();
                problems.forEach(p -> lines.add("  " + p));
                throw new InvalidResourceException(source + ": AppStack "
                        + stack.getMetadata().getName() + " is invalid:\n" + String.join("\n", lines));
            }
            EventScaling scaling = keda
                    ? EventScaling.keda(KafkaClientSecurity.assumed(kafka.authentication()))
                    : EventScaling.withoutKeda();
            List<HasMetadata> objects = new ArrayList<>(
                    AppStackResources.withMonitoring(stack, platform, BindingChecksums.placeholder(), scaling));
            objects.addAll(KafkaResources.desired(stack, kafka.version(), kafka.authentication(), kafka.shared()));
            objects.addAll(AuthProxies.desired(stack, () -> GENERATED));
            objects.addAll(BucketAccesses.desired(stack, platform.cosi()).values());
            objects.addAll(ObjectStoreBindings.rendered(stack));
            return objects;
        }
        if (resource instanceof Postgres postgres) {
            List<SpecProblem> problems = PostgresValidator.problems(postgres);
            if (!problems.isEmpty()) {
                throw new InvalidResourceException(
                        source + ": Postgres " + postgres.getMetadata().getName() + " is invalid:\n  "
                                + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n  ")));
            }
            return PostgresResources.withMonitoring(postgres, platform, () -> GENERATED);
        }
        if (resource instanceof Redis redis) {
            List<SpecProblem> problems = RedisValidator.problems(redis, null);
            if (!problems.isEmpty()) {
                throw new InvalidResourceException(
                        source + ": Redis " + redis.getMetadata().getName() + " is invalid:\n  "
                                + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n  ")));
            }
            return RedisResources.withMonitoring(redis, platform, () -> GENERATED);
        }
        throw new InvalidResourceException(source + ": " + resource.getKind() + " "
                + resource.getMetadata().getName() + " cannot be rendered yet: this version has no controller for it");
    }
}
