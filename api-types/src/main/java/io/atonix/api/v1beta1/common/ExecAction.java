package io.atonix.api.v1beta1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.atonix.api.schema.ListType;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExecAction(
        @Required
        @Size(min = 1, max = 32)
        @JsonPropertyDescription("Command run inside the container, not in a shell; exit status 0 counts as success.")
        @ListType(ListType.Kind.atomic)
        List<String> command) {

    public ExecAction {
        command = command == null ? List.of() : List.copyOf(command);
    }
}
