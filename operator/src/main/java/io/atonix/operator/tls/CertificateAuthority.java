package io.atonix.operator.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues a data store's certificates, once, when its TLS Secret is created: a certificate authority of its own and a
 * server certificate for the DNS names clients reach it by. ECDSA P-256 keys, which every client of PostgreSQL and
 * Redis accepts and which take milliseconds to make. Nothing renews them: a reconcile never regenerates a Secret, so
 * both live ten years (a rotation request on the Secret issues new ones; docs/security.md).
 */
public final class CertificateAuthority {
    static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateAuthority() {}

    /**
     * @param store the resource's name and namespace, for the certificates' subjects
     * @param dnsNames the server certificate's subject alternative names; the first is its common name
     */
    public static ServerCertificate issue(String store, List<String> dnsNames, Instant now) {
        try {
            KeyPair authority = keyPair();
            KeyPair server = keyPair();
            X500Name authorityName = new X500Name("CN=" + store + " certificate authority,O=atonix");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            Date until = Date.from(now.plus(VALIDITY));
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(
                            authorityName, serial(), from, until, authorityName, authority.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(authority.getPublic()));
            X509CertificateHolder caCertificate = ca.build(signer(authority.getPrivate()));
            GeneralName[] names = dnsNames.stream()
                    .map(name -> new GeneralName(GeneralName.dNSName, name))
                    .toArray(GeneralName[]::new);
            X509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(
                            authorityName,
                            serial(),
                            from,
                            until,
                            new X500Name("CN=" + dnsNames.get(0)),
                            server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(authority.getPublic()));
            X509CertificateHolder certificate = leaf.build(signer(authority.getPrivate()));
            return new ServerCertificate(
                    pem(caCertificate), pem(authority.getPrivate()), pem(certificate), pem(server.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not issue the certificates of " + store, e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** A positive random serial of 127 bits: unique without a counter to keep. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static org.bouncycastle.operator.ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    /** A certificate, or a private key in PKCS#8 (BEGIN PRIVATE KEY), which OpenSSL, libpq and Java all read. */
    private static String pem(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : value);
        }
        return text.toString();
    }
}
