package io.atonix.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only values a string field admits ({@code enum} in the CRD), for a field whose Java type stays a String because
 * the values are Kubernetes' own words (a condition's {@code True}, {@code False}, {@code Unknown}) rather than ours.
 * Written into the CRD by {@link SchemaAdditions}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Values {
    String[] value();
}
