package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule (x-kubernetes-validations) of the CRDs in crds/ has at least one invalid resource or forbidden change
 * in SchemaIT's tables that targets it. No cluster needed: it reads the files.
 *
 * <p>A case targets a rule when it is of the rule's kind, names the rule's message ({@code rule}), and expects the
 * refusal at the rule's field ({@code field}, list indices read as any item): the rule's place in the schema plus its
 * {@code fieldPath}, or {@code <nil>} for a rule on the whole object. SchemaIT then proves on a real API server that
 * each such case is refused by that field with that message.
 */
class CelRulesHaveRefusalCasesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A rule: the kind it belongs to, the field the server names when it fails, and its message. */
    record Rule(String kind, String field, String message, boolean transition) {
        @Override
        public String toString() {
            return kind + " " + field + ": " + message
                    + (transition ? " (a transition rule: needs a case in invalid-transitions.yaml)" : "");
        }
    }

    record Case(String table, String name, String kind, String field, String rule) {
        boolean targets(Rule r) {
            return kind.equals(r.kind())
                    && rule.equals(r.message())
                    && field.replaceAll("\\[\\d+]", "[*]").equals(r.field());
        }
    }

    @Test
    void everyCelRuleOfTheCrdsHasACaseInSchemaItThatBreaksIt() throws IOException {
        List<Rule> rules = rules();
        List<Case> cases = cases();
        assertThat(rules).as("CEL rules found in crds/").hasSizeGreaterThanOrEqualTo(40);
        assertThat(rules)
                .as(
                        "rules without an invalid resource or forbidden change in SchemaIT that names the rule's field and message")
                .filteredOn(r -> cases.stream().noneMatch(c -> c.targets(r)))
                .isEmpty();
        // Transition rules (oldSelf) can only be broken by a change.
        assertThat(rules)
                .as("transition rules without a forbidden change in SchemaIT")
                .filteredOn(Rule::transition)
                .filteredOn(r ->
                        cases.stream().noneMatch(c -> c.table().equals(SchemaIT.INVALID_TRANSITIONS) && c.targets(r)))
                .isEmpty();
    }

    @Test
    void everyCaseNamesAFieldAndEveryRuleItNamesExists() throws IOException {
        List<Rule> rules = rules();
        assertThat(cases()).allSatisfy(c -> {
            assertThat(c.field()).as("the field of case '%s'", c.name()).isNotBlank();
            if (!c.rule().isEmpty()) {
                assertThat(rules)
                        .as("the rule case '%s' names, at its field %s", c.name(), c.field())
                        .anyMatch(c::targets);
            }
        });
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : SchemaIT.read(SchemaIT.INVALID_RESOURCES)) {
            cases.add(new Case(
                    SchemaIT.INVALID_RESOURCES,
                    c.path("case").asText(),
                    c.path("resource").path("kind").asText(),
                    c.path("field").asText(),
                    c.path("rule").asText()));
        }
        for (JsonNode c : SchemaIT.read(SchemaIT.INVALID_TRANSITIONS)) {
            cases.add(new Case(
                    SchemaIT.INVALID_TRANSITIONS,
                    c.path("case").asText(),
                    c.path("kind").asText(),
                    c.path("field").asText(),
                    c.path("rule").asText()));
        }
        return cases;
    }

    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(RealCluster.repositoryRoot().resolve("crds"), "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonNode crd = YAML.readTree(in);
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        collect(kind, "", version.path("schema").path("openAPIV3Schema"), rules);
                    }
                }
            }
        }
        return rules;
    }

    private static void collect(String kind, String path, JsonNode schema, List<Rule> rules) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String field = path + rule.path("fieldPath").asText("");
            field = field.startsWith(".") ? field.substring(1) : field;
            String expression = rule.path("rule").asText();
            rules.add(new Rule(
                    kind,
                    field.isEmpty() ? "<nil>" : field,
                    rule.path("message").asText(),
                    expression.contains("oldSelf")));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collect(kind, path + "." + property.getKey(), property.getValue(), rules);
        }
        if (schema.has("items")) {
            collect(kind, path + "[*]", schema.path("items"), rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(kind, path + "[*]", schema.path("additionalProperties"), rules);
        }
    }
}
