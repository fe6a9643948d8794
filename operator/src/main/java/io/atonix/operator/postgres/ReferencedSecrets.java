package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The user's Secrets a Postgres' pods read: the object store credentials and CA bundle of its backups, and of the
 * archive it recovers from. The pods cannot start while one is missing, so the server waits for them.
 */
final class ReferencedSecrets {

    /** A Secret the spec names, the field that names it, and the keys the pods read from it. */
    record Reference(String field, String secret, List<String> keys) {}

    private ReferencedSecrets() {}

    static List<Reference> of(Postgres postgres) {
        PostgresSpec spec = postgres.getSpec();
        List<Reference> references = new ArrayList<>();
        if (spec.backup() != null && spec.backup().objectStore() != null) {
            add(references, "spec.backup.objectStore", spec.backup().objectStore());
        }
        if (spec.bootstrap() != null
                && spec.bootstrap().recovery() != null
                && spec.bootstrap().recovery().objectStore() != null) {
            add(
                    references,
                    "spec.bootstrap.recovery.objectStore",
                    spec.bootstrap().recovery().objectStore());
        }
        return references;
    }

    /**
     * What is missing, each a sentence for a person.
     *
     * @param keys the keys of a Secret of the Postgres' namespace by name, or null when there is no such Secret
     */
    static List<String> missing(Postgres postgres, Function<String, Set<String>> keys) {
        List<String> missing = new ArrayList<>();
        for (Reference reference : of(postgres)) {
            Set<String> present = keys.apply(reference.secret());
            if (present == null) {
                missing.add("Secret " + reference.secret() + " (" + reference.field() + ") does not exist");
                continue;
            }
            reference.keys().stream()
                    .filter(key -> !present.contains(key))
                    .forEach(key -> missing.add(
                            "Secret " + reference.secret() + " (" + reference.field() + ") has no key " + key));
        }
        return missing;
    }

    /** The keys of a Secret's data and stringData. */
    static Set<String> keys(Map<String, String> data, Map<String, String> stringData) {
        Set<String> keys = new java.util.TreeSet<>();
        if (data != null) {
            keys.addAll(data.keySet());
        }
        if (stringData != null) {
            keys.addAll(stringData.keySet());
        }
        return keys;
    }

    private static void add(List<Reference> references, String field, ObjectStoreSpec store) {
        if (store.credentials() != null) {
            references.add(new Reference(
                    field + ".credentials",
                    store.credentials().secretName(),
                    List.of(
                            store.credentials().accessKeyIdKeyOrDefault(),
                            store.credentials().secretAccessKeyKeyOrDefault())));
        }
        if (store.ca() != null) {
            references.add(new Reference(
                    field + ".ca", store.ca().secretName(), List.of(store.ca().key())));
        }
    }
}
