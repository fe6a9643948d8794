package io.atonix.operator.dataplane.probe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a request asks of the probe: which use ({@code prefix}, the use's envPrefix, none by default), which database
 * instead of the binding's ({@code database}), and whether to connect with the binding's URL ({@code via=url}) rather
 * than its separate variables.
 */
record ProbeQuery(String prefix, String database, boolean viaUrl) {
    static ProbeQuery parse(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new ProbeQuery(
                parameters.getOrDefault("prefix", ""), parameters.get("database"), "url".equals(parameters.get("via")));
    }
}
