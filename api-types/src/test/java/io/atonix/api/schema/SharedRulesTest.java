package io.atonix.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data store's server is declared by a standalone resource and by a stack alike, and its rules, written once on the
 * PostgresServer and RedisServer interfaces, are in the schema of both, once each.
 */
class SharedRulesTest {
    private static final Path CRDS = Path.of("..", "crds");

    @Test
    void thePostgresServersRulesAreInTheStandaloneAndTheStackSchemaOnceEach() throws IOException {
        List<String> standalone = messages(spec("postgreses.atonix.io-v1.yml"));
        List<String> stack =
                messages(spec("appstacks.atonix.io-v1.yml").getProperties().get("postgres"));
        for (List<String> rules : List.of(standalone, stack)) {
            assertThat(rules)
                    .containsOnlyOnce("the PostgreSQL major version cannot go down", "database names must be unique");
        }
        assertThat(standalone).contains("role names must be unique");
        assertThat(stack).as("a stack's Postgres has no roles").doesNotContain("role names must be unique");
    }

    @Test
    void theRedisServersRulesAreInTheStandaloneAndTheStackSchemaOnceEach() throws IOException {
        List<String> standalone = messages(spec("redises.atonix.io-v1.yml"));
        List<String> stack =
                messages(spec("appstacks.atonix.io-v1.yml").getProperties().get("redis"));
        for (List<String> rules : List.of(standalone, stack)) {
            assertThat(rules)
                    .containsOnlyOnce(
                            "memory must be at least 1Mi",
                            "the Redis major version cannot go down",
                            "persistence cannot be turned on or off after creation");
        }
    }

    @Test
    void theVolumeShapeCarriesItsNeverShrinkRuleWhereverItIsUsed() throws IOException {
        JSONSchemaProps postgres = spec("postgreses.atonix.io-v1.yml");
        JSONSchemaProps redis = spec("redises.atonix.io-v1.yml");
        for (JSONSchemaProps volume : List.of(
                postgres.getProperties().get("storage"),
                postgres.getProperties().get("backup").getProperties().get("volume"),
                redis.getProperties().get("persistence").getProperties().get("storage"))) {
            assertThat(volume.getProperties()).containsOnlyKeys("size", "storageClassName");
            assertThat(messages(volume)).containsExactly("a volume cannot shrink");
        }
    }

    private static JSONSchemaProps spec(String file) throws IOException {
        CustomResourceDefinition crd = new KubernetesSerialization()
                .unmarshal(Files.readString(CRDS.resolve(file)), CustomResourceDefinition.class);
        return crd.getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");
    }

    private static List<String> messages(JSONSchemaProps schema) {
        return schema.getXKubernetesValidations() == null
                ? List.of()
                : schema.getXKubernetesValidations().stream()
                        .map(ValidationRule::getMessage)
                        .toList();
    }
}
