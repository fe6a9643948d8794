package io.atonix.operator.postgres.sql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.util.PasswordUtil;

/**
 * Turns a password into the SCRAM-SHA-256 verifier PostgreSQL stores, on the operator's side, the way psql's
 * \password does. The server accepts a verifier in place of a password, so the password itself never travels in
 * a statement, and a server that logs statements (log_statement = ddl) or reports a failed one logs no password.
 */
final class PasswordVerifier {

    private PasswordVerifier() {}

    /** A fresh salt each time, so two verifiers of one password differ; neither reveals it. */
    static String scramSha256(Password password) {
        return PasswordUtil.encodeScramSha256(password.reveal().toCharArray());
    }

    /** SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey, as pg_authid.rolpassword holds it. */
    private static final Pattern STORED =
            Pattern.compile("^SCRAM-SHA-256\\$(\\d+):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$");

    /**
     * Whether a stored verifier accepts the password, computed the way the server checks a client's proof (RFC 5802):
     * so the operator can tell that a Secret holds a new password without ever reading one back from the server.
     * Anything that is not a SCRAM-SHA-256 verifier (an md5 hash, say) does not verify.
     */
    static boolean verifies(String stored, Password password) {
        if (stored == null) {
            return false;
        }
        Matcher parts = STORED.matcher(stored);
        if (!parts.matches()) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts.group(1));
            byte[] salt = Base64.getDecoder().decode(parts.group(2));
            byte[] storedKey = Base64.getDecoder().decode(parts.group(3));
            // Generated passwords are printable ASCII, which SASLprep leaves as it is.
            PBEKeySpec spec = new PBEKeySpec(password.reveal().toCharArray(), salt, iterations, 256);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
            byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] computed = MessageDigest.getInstance("SHA-256").digest(clientKey);
            return MessageDigest.isEqual(computed, storedKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
