package io.atonix.operator.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.api.v1beta1.ApiGroup;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.admission.CrdSchemas;
import io.atonix.operator.admission.SchemaCheck;
import io.atonix.operator.admission.SchemaDefaults;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Atonix resources from YAML files, strictly: an unknown field is an error here, where the API server would
 * drop it silently, because in a file it is almost always a typo; a key written twice is an error rather than the
 * last one winning; and a scalar of the wrong type is refused rather than converted, as the API server refuses it
 * ({@code version: 16.10} is the number 16.1 in YAML, not the text "16.10").
 */
public final class ResourceFiles {
    private static final ObjectMapper STRICT = strict();

    private ResourceFiles() {}

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type :
                List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            for (CoercionInputShape shape : List.of(
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean,
                    CoercionInputShape.String)) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }

    /** Every resource in the file, in order; documents that are empty are skipped. */
    public static List<HasMetadata> read(Path file) throws InvalidResourceException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new InvalidResourceException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static List<HasMetadata> read(String source, Reader reader) throws InvalidResourceException {
        List<HasMetadata> resources = new ArrayList<>();
        int document = 0;
        try (MappingIterator<JsonNode> documents =
                STRICT.readerFor(JsonNode.class).readValues(reader)) {
            while (documents.hasNext()) {
                document++;
                JsonNode node = documents.next();
                if (node == null || node.isNull() || node.isEmpty()) {
                    continue;
                }
                resources.add(toResource(source, document, node));
            }
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof InvalidResourceException invalid) {
                throw invalid;
            }
            // MappingIterator hands a parse error on wrapped in a RuntimeException.
            Throwable cause = e instanceof JsonProcessingException ? e : e.getCause();
            JsonProcessingException json = cause instanceof JsonProcessingException j ? j : null;
            String line = json != null && json.getLocation() != null
                    ? " (line " + json.getLocation().getLineNr() + ")"
                    : "";
            String message = json != null ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidResourceException(source + ": not valid YAML" + line + ": " + firstLine(message));
        }
        return resources;
    }

    private static HasMetadata toResource(String source, int document, JsonNode node) {
        String where = source + " (document " + document + ")";
        String apiVersion = node.path("apiVersion").asText("");
        String kind = node.path("kind").asText("");
        if (!ApiGroup.API_VERSION.equals(apiVersion)) {
            throw wrap(new InvalidResourceException(
                    where + ": apiVersion must be " + ApiGroup.API_VERSION + ", not '" + apiVersion + "'"));
        }
        Class<? extends HasMetadata> type = switch (kind) {
            case "AppStack" -> AppStack.class;
            case "Postgres" -> Postgres.class;
            case "Redis" -> Redis.class;
            default ->
                throw wrap(new InvalidResourceException(
                        where + ": unknown kind '" + kind + "'; expected AppStack, Postgres or Redis"));
        };
        List<SpecProblem> problems = SchemaCheck.problems(node, CrdSchemas.of(kind));
        if (!problems.isEmpty()) {
            throw wrap(new InvalidResourceException(where + ": " + kind + " "
                    + node.path("metadata").path("name").asText() + " does not fit its schema:\n  "
                    + String.join(
                            "\n  ", problems.stream().map(SpecProblem::toString).toList())));
        }
        try {
            // What the controller reads is the stored object, the schema's defaults filled in by the API server.
            return STRICT.treeToValue(SchemaDefaults.applied(node, CrdSchemas.of(kind)), type);
        } catch (UnrecognizedPropertyException e) {
            throw wrap(new InvalidResourceException(where + ": " + kind + " has no field '" + e.getPropertyName()
                    + "' at " + path(e) + " (known fields: " + e.getKnownPropertyIds() + ")"));
        } catch (MismatchedInputException e) {
            throw wrap(new InvalidResourceException(where + ": " + kind + " " + path(e) + ": " + mismatch(e)));
        } catch (JsonProcessingException e) {
            throw wrap(new InvalidResourceException(
                    where + ": " + kind + " " + path(e) + ": " + firstLine(e.getOriginalMessage())));
        }
    }

    /** What a person can act on: the type the field wants, and what YAML made of the value (no Java class names). */
    private static String mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        String wanted = target == null
                ? "another type"
                : target == String.class
                        ? "text"
                        : Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class
                                ? "a number"
                                : target == Boolean.class || target == boolean.class
                                        ? "true or false"
                                        : target.isEnum() || java.util.Collection.class.isAssignableFrom(target)
                                                ? "one of its values"
                                                : "an object";
        String found = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher value =
                java.util.regex.Pattern.compile("value \\(([^)]*)\\)").matcher(found);
        String given = value.find() ? " (" + value.group(1) + ")" : "";
        return "expected " + wanted + ", found a value of another type" + given
                + (target == String.class ? ": quote it in YAML, for example \"16.10\", so that it stays text" : "");
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "";
    }

    private static RuntimeException wrap(InvalidResourceException e) {
        return new IllegalArgumentException(e.getMessage(), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
