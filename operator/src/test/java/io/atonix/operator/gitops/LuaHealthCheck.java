package io.atonix.operator.gitops;

import io.atonix.operator.testtools.TestPrograms;
import io.atonix.operator.testtools.TestPrograms.Program;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an Argo CD health script the way Argo CD does (tools/argocd-lua): gopher-lua, the Lua 5.1 in Go that Argo CD
 * embeds, with only the libraries Argo CD opens for a custom health check, and the resource, as it is stored, in the
 * global {@code obj}; the script's returned table is the health.
 */
final class LuaHealthCheck {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    record Health(String status, String message) {}

    private final Program argocdLua = TestPrograms.goTool("argocd-lua", "ARGOCD_LUA");
    private final Path script;

    LuaHealthCheck(Path script) {
        this.script = script;
    }

    Health of(HasMetadata resource) throws IOException, InterruptedException {
        Process process = argocdLua
                .command(List.of(script.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(SERIALIZATION.asJson(List.of(resource)).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(argocdLua.binary() + " failed: " + output);
        }
        return SERIALIZATION.unmarshal(output, Health[].class)[0];
    }
}
