package io.atonix.operator.appstack;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Registers the committed CRDs with the mock API server before the operator starts, as an install would. */
public class CrdsInMockServer implements Consumer<KubernetesServer> {

    @Override
    public void accept(KubernetesServer server) {
        Path crds = Path.of("..", "crds");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(crds, "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    var crd = server.getClient()
                            .getKubernetesSerialization()
                            .unmarshal(in, CustomResourceDefinition.class);
                    server.getClient()
                            .apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .resource(crd)
                            .create();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + crds.toAbsolutePath(), e);
        }
    }
}
