package io.atonix.operator.common;

import java.security.SecureRandom;

/** Generated credentials: cryptographically random, from an alphabet that needs no quoting in URIs or shells. */
public final class Passwords {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** 32 characters from 57 symbols: about 186 bits. */
    public static String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}
