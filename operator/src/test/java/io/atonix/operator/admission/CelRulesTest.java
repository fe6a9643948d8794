package io.atonix.operator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRuleOfTheCrdsCompilesInTheEnvironmentThatEvaluatesThem() {
        List<String> rules = new ArrayList<>();
        for (String kind : List.of("AppStack", "Postgres", "Redis")) {
            collect(CrdSchemas.of(kind), rules);
        }
        assertThat(rules).as("rules of the CRDs").hasSizeGreaterThan(60);
        // Transition rules too: they compile although only a server with the stored object evaluates them.
        rules.forEach(CelEnvironment::compile);
    }

    @Test
    void aRuleOnAListItemIsReportedAtThatItemWithTheValueItNames() throws Exception {
        List<SpecProblem> problems = CrdContract.problems(yaml("""
                        apiVersion: atonix.io/v1beta1
                        kind: Postgres
                        metadata: { name: db }
                        spec:
                          version: "16"
                          storage: { size: 1Gi }
                          databases: [ { name: shop }, { name: template1 } ]
                        """), CrdSchemas.of("Postgres"));
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .containsExactly(
                        "spec.databases[1].name: 'template1': postgres, template0 and template1 are PostgreSQL's own databases (every new database is copied from template1): an application gets a database of its own");
    }

    @Test
    void quantitiesCompareByAmountAsTheApiServerComparesThem() throws Exception {
        String redis = """
                apiVersion: atonix.io/v1beta1
                kind: Redis
                metadata: { name: cache }
                spec: { version: "7.2", memory: %s }
                """;
        assertThat(CrdContract.problems(yaml(redis.formatted("1024Ki")), CrdSchemas.of("Redis")))
                .isEmpty();
        assertThat(CrdContract.problems(yaml(redis.formatted("1000Ki")), CrdSchemas.of("Redis")))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.memory: '1000Ki': memory must be at least 1Mi");
    }

    @Test
    void aRuleSeesTheSchemasDefaultsAsTheApiServerAppliesThemFirst() throws Exception {
        JSONSchemaProps schema = new JSONSchemaPropsBuilder()
                .withType("object")
                .withProperties(Map.of(
                        "spec",
                        new JSONSchemaPropsBuilder()
                                .withType("object")
                                .withProperties(Map.of(
                                        "mode",
                                        new JSONSchemaPropsBuilder()
                                                .withType("string")
                                                .withDefault(YAML.readTree("Strict"))
                                                .build()))
                                .withXKubernetesValidations(new ValidationRule(
                                        null, "the mode is Strict", null, null, null, "self.mode == 'Strict'"))
                                .build()))
                .build();
        assertThat(CrdContract.problems(yaml("spec: {}"), schema)).isEmpty();
        assertThat(CrdContract.problems(yaml("spec: { mode: Loose }"), schema))
                .extracting(SpecProblem::toString)
                .containsExactly("spec: the mode is Strict");
    }

    @Test
    void aWrongTypeStopsTheRulesAsOnTheApiServerAndSaysSo() throws Exception {
        List<SpecProblem> problems = CrdContract.problems(yaml("""
                        apiVersion: atonix.io/v1beta1
                        kind: Redis
                        metadata: { name: cache }
                        spec: { version: 7, memory: 512Ki }
                        """), CrdSchemas.of("Redis"));
        assertThat(problems)
                .extracting(SpecProblem::message)
                .containsExactly(
                        "Invalid value: 7: must be of type string (quote it in YAML: 16.10 unquoted is the number 16.1)",
                        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation");
    }

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    private static void collect(JSONSchemaProps schema, List<String> rules) {
        if (schema == null) {
            return;
        }
        if (schema.getXKubernetesValidations() != null) {
            schema.getXKubernetesValidations().forEach(rule -> rules.add(rule.getRule()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, rules));
        }
        if (schema.getItems() != null) {
            collect(schema.getItems().getSchema(), rules);
        }
        if (schema.getAdditionalProperties() != null) {
            collect(schema.getAdditionalProperties().getSchema(), rules);
        }
    }
}
