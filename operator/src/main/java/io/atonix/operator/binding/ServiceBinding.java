package io.atonix.operator.binding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys every binding Secret of the servicebinding.io specification shares (its "well-known entries"). A kind's
 * binding adds its own keys: {@link PostgresBinding}, {@link RedisBinding}, {@link KafkaBinding}.
 */
public final class ServiceBinding {
    /** The kind of service the Secret binds to: postgresql, redis, kafka. */
    public static final String TYPE = "type";
    /** Who provides the service: the operator, or Strimzi for Kafka. */
    public static final String PROVIDER = "provider";

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    /** A URI with every connection detail, the password included. */
    public static final String URI = "uri";
    /** The certificate of the authority that signed the server's, in PEM: present when the server requires TLS. */
    public static final String CA_CRT = "ca.crt";
    /** The provider this operator writes into the Secrets it generates. */
    public static final String ATONIX = "atonix";

    private ServiceBinding() {}

    /** An unmodifiable map in the order given, of alternating keys and values: variables in the order pods get them. */
    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
