package io.atonix.operator.realcluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passwords that stand in the Secrets of some namespaces, gathered at several moments of a test (a rotation
 * replaces one), each with where it was first seen. Held in memory only: a report names a password by its origin,
 * never by its value. Found: the value of a key whose name says password, the password of a URI's user information
 * ({@code postgresql://user:password@host}) and the password of a JAAS configuration ({@code password="..."}).
 */
public final class GeneratedPasswords {
    /** Shorter values are no generated password, and would match by chance. */
    private static final int SHORTEST = 8;

    private static final Pattern URI_PASSWORD = Pattern.compile("://[^:/@\\s]+:([^@/\\s]+)@");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]+)\"");
    private final Map<String, String> origins = new LinkedHashMap<>();

    /** Adds the passwords of every Secret now in the namespace; {@code moment} tells when, for the origin. */
    public void collect(KubernetesClient admin, String namespace, String moment) {
        for (Secret secret : admin.secrets().inNamespace(namespace).list().getItems()) {
            if (secret.getData() == null) {
                continue;
            }
            secret.getData().forEach((key, value) -> {
                String text = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                for (String password : in(key, text)) {
                    origins.putIfAbsent(
                            password,
                            "the password of Secret " + namespace + "/"
                                    + secret.getMetadata().getName() + " key " + key + " (" + moment + ")");
                }
            });
        }
    }

    /** Each password gathered so far, mapped to where it was first seen. */
    public Map<String, String> origins() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    static List<String> in(String key, String value) {
        List<String> found = new ArrayList<>();
        if (key.toLowerCase(Locale.ROOT).contains("password")) {
            found.add(value.strip());
        }
        Matcher uri = URI_PASSWORD.matcher(value);
        while (uri.find()) {
            found.add(URLDecoder.decode(uri.group(1), StandardCharsets.UTF_8));
        }
        Matcher jaas = JAAS_PASSWORD.matcher(value);
        while (jaas.find()) {
            found.add(jaas.group(1));
        }
        found.removeIf(password -> password.length() < SHORTEST);
        return found;
    }
}
