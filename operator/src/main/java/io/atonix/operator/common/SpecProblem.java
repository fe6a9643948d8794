package io.atonix.operator.common;

/**
 * Something wrong with a spec, named by the field a person has to change.
 *
 * @param field path of the field, for example spec.services[1].name
 * @param message what is wrong and what would be right
 */
public record SpecProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
