package io.atonix.operator.render;

/** A resource file that cannot be rendered; the message names the file and the problem. */
public class InvalidResourceException extends Exception {

    public InvalidResourceException(String message) {
        super(message);
    }
}
