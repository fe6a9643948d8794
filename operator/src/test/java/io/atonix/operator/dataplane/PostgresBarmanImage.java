package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ghcr.io/atonix/postgres-barman:<major>} (images/postgres-barman/Dockerfile): the official {@code postgres} image
 * of that major, played by {@link PostgresImage} (entrypoint, server, client tools, the postgres user), plus
 * barman-cli-cloud ({@link BarmanCloud}) on its PATH, so that archive_command, restore_command and a command of the
 * container's own (barman-cloud-backup, barman-cloud-restore) find the barman-cloud programs, as in the real image.
 */
public final class PostgresBarmanImage implements ImageRuntime {
    private static final Pattern IMAGE = Pattern.compile("ghcr\\.io/atonix/postgres-barman:(\\d+(?:[.-][\\w.-]*)?)");
    private final PostgresImage postgres = new PostgresImage();

    @Override
    public boolean knows(String image) {
        return IMAGE.matcher(image).matches();
    }

    @Override
    public ProcessSpec launch(Container container, PodContext pod) {
        Matcher image = IMAGE.matcher(container.getImage());
        if (!image.matches()) {
            throw new IllegalArgumentException("not a postgres-barman image: " + container.getImage());
        }
        // The same tag of the official image it is built FROM.
        ProcessSpec base = postgres.launch(
                new ContainerBuilder(container)
                        .withImage("postgres:" + image.group(1))
                        .build(),
                pod);
        BarmanCloud barman = BarmanCloud.installation();
        Map<String, String> environment = new HashMap<>(base.environment());
        environment.put("PATH", barman.bin() + ":" + base.environment().get("PATH"));
        environment.put("PYTHONPATH", barman.pythonPath());
        Map<String, Path> imageFiles = new HashMap<>(base.imageFiles());
        imageFiles.put(barman.root().toString(), barman.root());
        return new ProcessSpec(
                base.command(), environment, imageFiles, base.openDirectories(), base.kind(), base.imageUser());
    }
}
