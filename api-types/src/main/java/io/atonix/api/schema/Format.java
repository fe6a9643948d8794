package io.atonix.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI {@code format} of a string field, or of the items of a list of strings (for example {@code date-time}, which the API server checks as RFC
 * 3339), written into the CRD by {@link SchemaAdditions}: fabric8's generator writes none for a String.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Format {
    String DATE_TIME = "date-time";

    String value();
}
