package io.atonix.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A whole run, as written to the JSON file. */
public record Results(
        String startedAt,
        double minutes,
        Machine machine,
        String loadAtStart,
        String loadAtEnd,
        String operatorJar,
        String operatorJava,
        List<String> operatorJvmOptions,
        int clientThreads,
        List<TierResult> tiers,
        List<String> failures) {

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}
