package io.atonix.operator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.api.v1beta1.ApiGroup;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.appstack.AppStackValidator;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.postgres.PostgresValidator;
import io.atonix.operator.redis.RedisValidator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * On a cluster that does not evaluate CEL, the reconcilers refuse what a server with CEL refuses: every invalid
 * resource of SchemaIT's corpus that still reads as its Java type (a wrong type cannot reach a reconciler, the
 * schema refuses it everywhere) is refused by the validator its reconciler runs, at the field the server names.
 */
class ValidatorsRefuseWhatTheServerRefusesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TestFactory
    Stream<DynamicTest> everyResourceTheServerRefusesIsRefusedByItsReconcilersValidatorAtTheSameField()
            throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/realcluster/invalid-resources.yaml")) {
            cases = YAML.readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            ObjectNode resource = YAML.createObjectNode();
            resource.put("apiVersion", ApiGroup.API_VERSION);
            resource.put("kind", c.path("resource").path("kind").asText());
            resource.putObject("metadata").put("name", c.path("name").asText("bad"));
            resource.set("spec", c.path("resource").path("spec"));
            List<SpecProblem> problems;
            try {
                problems = validate(resource);
            } catch (IllegalArgumentException wrongType) {
                continue;
            }
            String field = c.path("field").asText();
            tests.add(DynamicTest.dynamicTest(
                    c.path("case").asText(),
                    () -> assertThat(problems)
                            .extracting(SpecProblem::field)
                            .as("the validator's refusal names the server's field")
                            .contains("<nil>".equals(field) ? "metadata.name" : field)));
        }
        assertThat(tests).as("cases that read as their Java type").hasSizeGreaterThan(80);
        return tests.stream();
    }

    private static List<SpecProblem> validate(JsonNode resource) {
        return switch (resource.path("kind").asText()) {
            case "AppStack" -> AppStackValidator.validate(SERIALIZATION.convertValue(resource, AppStack.class));
            case "Postgres" -> PostgresValidator.problems(SERIALIZATION.convertValue(resource, Postgres.class));
            default -> RedisValidator.problems(SERIALIZATION.convertValue(resource, Redis.class), null);
        };
    }
}
