package io.atonix.operator.common;

import io.atonix.api.schema.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The schema's rule for every quantity of a spec, wherever it sits: a non-negative Kubernetes quantity
 * ({@link Quantities#NON_NEGATIVE}). The API server applies it to each Quantity field of the CRDs; this applies the same
 * pattern to each Quantity of the spec's records, so that render and clusters without the schema refuse what the server
 * refuses, with the field's path, before any builder has to compute with it.
 */
public final class QuantityFields {
    private static final Pattern NON_NEGATIVE = Pattern.compile(Quantities.NON_NEGATIVE);

    private QuantityFields() {}

    public static List<SpecProblem> problems(String path, Object spec) {
        List<SpecProblem> problems = new ArrayList<>();
        walk(path, spec, problems);
        return problems;
    }

    private static void walk(String path, Object value, List<SpecProblem> problems) {
        if (value instanceof Quantity quantity) {
            String text = quantity.toString();
            if (!NON_NEGATIVE.matcher(text).matches()) {
                problems.add(new SpecProblem(
                        path,
                        "'" + text
                                + "' is not a non-negative Kubernetes quantity (for example 250m, 1.5, 512Mi, 10Gi)"));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(path + "." + key, item, problems));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                walk(path + "." + component.getName(), read(component, record), problems);
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the API's records have public accessors: " + component, e);
        }
    }
}
