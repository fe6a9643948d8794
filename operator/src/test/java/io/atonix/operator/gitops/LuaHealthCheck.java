package io.atonix.operator.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Runs an Argo CD health script with a real Lua interpreter (Debian's lua5.4) the way Argo CD does: the resource,
 * as it is stored, in the global {@code obj}; the script's returned table is the health.
 */
final class LuaHealthCheck {
    static final String LUA = "lua5.4";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    record Health(String status, String message) {
    }

    private final Path script;

    LuaHealthCheck(Path script) {
        this.script = script;
    }

    Health of(HasMetadata resource) throws IOException, InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = SERIALIZATION.convertValue(resource, Map.class);
        Path harness = Files.createTempFile("argocd-health", ".lua");
        try {
            Files.writeString(harness, "obj = " + table(stored) + "\n"
                    + "local check = assert(loadfile(arg[1]))\n"
                    + "local hs = check()\n"
                    + "io.write(tostring(hs.status), '\\n', tostring(hs.message), '\\n')\n");
            Process process = new ProcessBuilder(LUA, harness.toString(), script.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(LUA + " failed: " + output);
            }
            String[] lines = output.split("\n", -1);
            return new Health(lines[0], lines[1]);
        } finally {
            Files.deleteIfExists(harness);
        }
    }

    /** A Lua table constructor for a JSON value; null values are left out, as Argo CD's conversion does. */
    static String table(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, entry) -> {
                if (entry != null) {
                    out.append('[').append(string(key.toString())).append("]=").append(table(entry)).append(',');
                }
            });
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("{");
            list.forEach(entry -> out.append(table(entry)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return string(value.toString());
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
