package io.atonix.operator.realcluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The forms in which a password can stand in a text, each with a name for a report: as it is, in base64 (standard and
 * URL-safe, with and without padding), URL-encoded (form encoding and percent-encoding), inside a longer base64 text
 * (a whole URI or config file encoded), where it starts at one of three offsets within the 3-byte groups, and as the
 * SHA-256 that a Redis ACL file holds, which belongs in a Secret as much as the password does.
 */
public final class PasswordForms {

    private PasswordForms() {}

    /** Each distinct form, mapped to its name; the first name wins when two forms are the same text. */
    public static Map<String, String> of(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put(password, "raw");
        forms.putIfAbsent(Base64.getEncoder().encodeToString(bytes), "base64");
        forms.putIfAbsent(Base64.getEncoder().withoutPadding().encodeToString(bytes), "base64 without padding");
        forms.putIfAbsent(Base64.getUrlEncoder().encodeToString(bytes), "URL-safe base64");
        forms.putIfAbsent(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "URL-safe base64 without padding");
        forms.putIfAbsent(URLEncoder.encode(password, StandardCharsets.UTF_8), "URL-encoded");
        String percent = percentEncoded(bytes);
        forms.putIfAbsent(percent, "percent-encoded");
        forms.putIfAbsent(percent.toLowerCase(Locale.ROOT), "percent-encoded");
        forms.putIfAbsent(sha256(bytes), "its SHA-256 in hex, as a Redis ACL rule holds it");
        for (int offset = 0; offset < 3; offset++) {
            forms.putIfAbsent(inBase64(Base64.getEncoder(), bytes, offset), "inside a base64 text");
            forms.putIfAbsent(inBase64(Base64.getUrlEncoder(), bytes, offset), "inside a URL-safe base64 text");
        }
        return forms;
    }

    /**
     * The characters of a base64 text that depend on the password's bytes alone, when {@code offset} bytes precede it:
     * those that mix in a byte before or after it are left out.
     */
    static String inBase64(Base64.Encoder encoder, byte[] bytes, int offset) {
        byte[] shifted = new byte[offset + bytes.length];
        System.arraycopy(bytes, 0, shifted, offset, bytes.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int first = (offset * 8 + 5) / 6;
        int end = shifted.length * 8 / 6;
        return encoded.substring(first, end);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every byte but the unreserved characters of RFC 3986 as %XX. */
    static String percentEncoded(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
