package io.atonix.api.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a list merges under server-side apply ({@code x-kubernetes-list-type}): every list of the API declares it, so
 * that Flux, {@code kubectl apply --server-side} and other field managers can each own entries of a keyed list. The
 * CRD build writes it into the schema ({@link SchemaAdditions}); fabric8's generator cannot (kubernetes-client#6669).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface ListType {
    Kind value();

    /** For {@link Kind#map}: the fields that identify an entry; each must be required. */
    String[] keys() default {};

    /** The values of {@code x-kubernetes-list-type}. */
    enum Kind {
        /** Replaced as a whole: an ordered list one manager owns (a command and its arguments). */
        atomic,
        /** Unique scalar values, each owned on its own. */
        set,
        /** Entries identified by their keys, each owned on its own. */
        map
    }
}
