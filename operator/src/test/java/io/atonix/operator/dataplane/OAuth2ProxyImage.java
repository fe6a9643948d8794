package io.atonix.operator.dataplane;

import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image {@code quay.io/oauth2-proxy/oauth2-proxy}, played by oauth2-proxy built from the Go module proxy at the
 * version tools/oauth2-proxy pins (mounted at {@value #MOUNT}): the container's args and env as the operator wrote
 * them, then {@code --http-address=<pod IP>:4180}, the address a pod network would have given it (the last of a flag
 * wins; two replicas on 0.0.0.0 would meet on the host's network). The image's trust store is the PEM files of the
 * node's trusted directory, where a test puts the CA of the identity provider it runs (a real provider's certificate
 * is signed by a CA the image already trusts). An image of another version than the recipe's fails its pod.
 */
public final class OAuth2ProxyImage implements ImageRuntime {
    static final String IMAGE = "quay.io/oauth2-proxy/oauth2-proxy:";
    static final int PORT = 4180;
    private static final String MOUNT = "/opt/atonix/oauth2-proxy";
    private static final String TRUST = "/opt/atonix/oauth2-proxy-trust";
    private static Path binary;

    private final Path trusted;

    /** {@code trusted}: the directory whose ca.crt the image trusts. */
    OAuth2ProxyImage(Path trusted) {
        this.trusted = trusted;
    }

    @Override
    public boolean knows(String image) {
        return image.startsWith(IMAGE);
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        String tag = container.getImage().substring(IMAGE.length());
        if (!tag.equals(version())) {
            throw new IllegalStateException(container.getImage() + ": tools/oauth2-proxy builds " + version()
                    + "; pin the image's version in its go.mod");
        }
        List<String> command = new ArrayList<>(List.of(MOUNT + "/" + binary().getFileName()));
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        command.add("--http-address=" + pod.podIp() + ":" + PORT);
        try {
            Files.createDirectories(trusted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProcessSpec(
                command,
                Map.of("SSL_CERT_FILE", TRUST + "/ca.crt"),
                Map.of(MOUNT, binary().getParent(), TRUST, trusted),
                List.of(),
                "auth-proxy",
                65532L);
    }

    /** The version of oauth2-proxy tools/oauth2-proxy/go.mod pins. */
    static String version() {
        return TestPrograms.goToolVersion("oauth2-proxy", "github.com/oauth2-proxy/oauth2-proxy/v7");
    }

    /** oauth2-proxy, built once (about a minute cold) or the binary OAUTH2_PROXY names. */
    static synchronized Path binary() {
        if (binary == null) {
            binary =
                    TestPrograms.goTool("oauth2-proxy", "OAUTH2_PROXY").binary().toAbsolutePath();
        }
        return binary;
    }
}
