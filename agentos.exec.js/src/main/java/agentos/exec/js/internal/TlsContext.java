package agentos.exec.js.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * A guest's TLS secure context (Node's {@code tls.SecureContext}): its certificate chains and private keys, the CAs
 * it trusts, as one JDK {@link SSLContext} whose engines a guest drives over any stream it likes (an in-VM socket,
 * a pipe, a JavaScript duplex). Keys and certificates come as PEM (PKCS#8, PKCS#1, SEC1, OpenSSL-encrypted and
 * PKCS#8-encrypted with a passphrase) or PKCS#12. Peer verification never fails the handshake: the result is
 * recorded per engine and the guest decides (Node's {@code rejectUnauthorized}, checked after the handshake).
 */
public final class TlsContext {
    private record Entry(PrivateKey key, X509Certificate[] chain) {}

    private final List<Entry> entries = new ArrayList<>();
    private final X509TrustManager trust;
    private final SSLContext ssl;
    /** Engines of this context by JDK engine, so the key and trust managers reach the connection they serve. */
    private final Map<SSLEngine, TlsEngine> owners = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param certs PEM certificate chains, the first certificate of each the one for the key at the same index
     * @param keys PEM private keys
     * @param passphrases a passphrase per key (or null)
     * @param pfx PKCS#12 files in base64, each with its passphrase in {@code pfxPassphrases}
     * @param ca PEM CA certificates to trust; null for the default (the JDK's trust store plus {@code extraCa})
     */
    TlsContext(List<String> certs, List<String> keys, List<@Nullable String> passphrases, List<String> pfx,
            List<@Nullable String> pfxPassphrases, @Nullable List<String> ca, List<String> extraCa) {
        try {
            List<X509Certificate[]> chains = new ArrayList<>();
            for (String c : certs) {
                List<X509Certificate> chain = parseCertificates(c, "options.cert");
                if (!chain.isEmpty()) {
                    chains.add(chain.toArray(X509Certificate[]::new));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                PrivateKey key = parseKey(keys.get(i), passphrases.get(i));
                X509Certificate[] chain = matchingChain(key, chains);
                if (chain == null) {
                    throw new IllegalArgumentException("error:05800074:x509 certificate routines::key values mismatch"
                            + " (no options.cert certificate matches the " + key.getAlgorithm() + " key)");
                }
                entries.add(new Entry(key, chain));
            }
            for (int i = 0; i < pfx.size(); i++) {
                loadPfx(Base64.getDecoder().decode(pfx.get(i)), pfxPassphrases.get(i));
            }
            trust = trustManager(ca, extraCa);
            ssl = SSLContext.getInstance("TLS");
            ssl.init(new X509ExtendedKeyManager[] {new Keys()}, new TrustManager[] {new Recording()}, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** A new engine of this context; {@link TlsEngine} documents the options. */
    TlsEngine engine(boolean server, org.graalvm.polyglot.Value options) {
        SSLEngine e = ssl.createSSLEngine();
        TlsEngine te = new TlsEngine(e, server, options);
        owners.put(e, te);
        return te;
    }

    boolean hasKeys() {
        return !entries.isEmpty();
    }

    // ---- parsing ----

    static List<X509Certificate> parseCertificates(String pem, String what) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.ISO_8859_1)))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("error:0480006C:PEM routines::no start line (" + what
                    + " holds no readable PEM certificate: " + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey parseKey(String pem, @Nullable String passphrase) throws IOException {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                try {
                    if (o instanceof PEMKeyPair kp) {
                        return conv.getPrivateKey(kp.getPrivateKeyInfo());
                    }
                    if (o instanceof PrivateKeyInfo pki) {
                        return conv.getPrivateKey(pki);
                    }
                    if (o instanceof PEMEncryptedKeyPair ekp) {
                        return conv.getPrivateKey(ekp.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(NodeCrypto.Bc.PROVIDER).build(password(passphrase))).getPrivateKeyInfo());
                    }
                    if (o instanceof PKCS8EncryptedPrivateKeyInfo epki) {
                        return conv.getPrivateKey(epki.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(NodeCrypto.Bc.PROVIDER).build(password(passphrase))));
                    }
                } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException
                        | org.bouncycastle.openssl.EncryptionException e) {
                    throw new IllegalArgumentException("error:1C800064:Provider routines::bad decrypt"
                            + (passphrase == null ? " (the key is encrypted and no passphrase was given)" : ""), e);
                }
            }
        } catch (org.bouncycastle.openssl.PEMException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("error:1E08010C:DECODER routines::unsupported (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException("error:1E08010C:DECODER routines::unsupported (options.key holds no PEM private key)");
    }

    private static char[] password(@Nullable String passphrase) {
        if (passphrase == null) {
            throw new IllegalArgumentException("error:07880109:common libcrypto routines::interrupted or cancelled"
                    + " (the key is encrypted: pass options.passphrase)");
        }
        return passphrase.toCharArray();
    }

    private static X509Certificate @Nullable [] matchingChain(PrivateKey key, List<X509Certificate[]> chains) {
        for (X509Certificate[] chain : chains) {
            if (matches(key, chain[0])) {
                return chain;
            }
        }
        return null;
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        var pub = cert.getPublicKey();
        if (key instanceof java.security.interfaces.RSAPrivateKey rk && pub instanceof java.security.interfaces.RSAPublicKey rp) {
            return rk.getModulus().equals(rp.getModulus());
        }
        String ka = key.getAlgorithm();
        String pa = pub.getAlgorithm();
        return ka.equals(pa) || (ka.equals("EC") && pa.equals("EC"));
    }

    private void loadPfx(byte[] der, @Nullable String passphrase) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] pw = passphrase == null ? new char[0] : passphrase.toCharArray();
        try {
            ks.load(new ByteArrayInputStream(der), pw);
        } catch (IOException e) {
            throw new IllegalArgumentException(passphrase == null ? "error:11800071:PKCS12 routines::mac verify failure"
                    + " (pass options.passphrase for this PFX)" : "error:11800071:PKCS12 routines::mac verify failure", e);
        }
        for (Enumeration<String> a = ks.aliases(); a.hasMoreElements();) {
            String alias = a.nextElement();
            if (ks.isKeyEntry(alias)) {
                PrivateKey k = (PrivateKey) ks.getKey(alias, pw);
                var certs = ks.getCertificateChain(alias);
                List<X509Certificate> chain = new ArrayList<>();
                for (var c : certs) {
                    chain.add((X509Certificate) c);
                }
                entries.add(new Entry(k, chain.toArray(X509Certificate[]::new)));
            }
        }
    }

    private static X509TrustManager trustManager(@Nullable List<String> ca, List<String> extraCa) throws GeneralSecurityException, IOException {
        KeyStore ks = null;
        if (ca != null || !extraCa.isEmpty()) {
            ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            if (ca == null) {
                for (X509Certificate c : jdkRoots()) {
                    ks.setCertificateEntry("jdk-" + ks.size(), c);
                }
            }
            for (String pem : ca == null ? extraCa : ca) {
                for (X509Certificate c : parseCertificates(pem, "options.ca")) {
                    ks.setCertificateEntry("ca-" + ks.size(), c);
                }
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static volatile X509Certificate @Nullable [] jdkRoots;

    /** The JDK trust store's CAs, read once per JVM (every VM with extra CAs starts from them). */
    private static X509Certificate[] jdkRoots() throws GeneralSecurityException {
        X509Certificate[] roots = jdkRoots;
        if (roots == null) {
            TrustManagerFactory def = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            def.init((KeyStore) null);
            List<X509Certificate> all = new ArrayList<>();
            for (TrustManager tm : def.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    all.addAll(List.of(x.getAcceptedIssuers()));
                }
            }
            roots = all.toArray(X509Certificate[]::new);
            jdkRoots = roots;
        }
        return roots;
    }

    /** OpenSSL's verification code and text for a chain the trust manager refused. */
    static String[] verifyError(X509Certificate[] chain, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return new String[] {"CERT_HAS_EXPIRED", "certificate has expired"};
            }
            if (t instanceof CertificateNotYetValidException) {
                return new String[] {"CERT_NOT_YET_VALID", "certificate is not yet valid"};
            }
            if (t instanceof CertPathValidatorException cpe && cpe.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new String[] {"CERT_HAS_EXPIRED", "certificate has expired"};
            }
        }
        X509Certificate last = chain[chain.length - 1];
        boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
        if (chain.length == 1 && selfSigned) {
            return new String[] {"DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"};
        }
        if (selfSigned) {
            return new String[] {"SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"};
        }
        if (chain.length == 1) {
            return new String[] {"UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"};
        }
        return new String[] {"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"};
    }

    /** Records the verdict on the engine instead of failing the handshake. */
    private final class Recording extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain, String authType, @Nullable SSLEngine engine, boolean server) {
            TlsEngine te = engine == null ? null : owners.get(engine);
            try {
                if (server) {
                    trust.checkServerTrusted(chain, authType);
                } else {
                    trust.checkClientTrusted(chain, authType);
                }
                if (te != null) {
                    te.verified(null);
                }
            } catch (CertificateException | RuntimeException e) {
                if (te != null) {
                    te.verified(verifyError(chain, e));
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            check(chain, authType, null, false);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            check(chain, authType, null, true);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            check(chain, authType, engine, false);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            check(chain, authType, engine, true);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            check(chain, authType, null, false);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            check(chain, authType, null, true);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }

    /** Offers the configured key whatever issuers the peer asks for (OpenSSL does; the JDK's default would not). */
    private final class Keys extends X509ExtendedKeyManager {
        private @Nullable String choose(String keyType) {
            for (int i = 0; i < entries.size(); i++) {
                if (fits(entries.get(i).key, keyType)) {
                    return Integer.toString(i);
                }
            }
            return null;
        }

        private static boolean fits(PrivateKey k, String keyType) {
            String a = k.getAlgorithm();
            return switch (keyType) {
                case "RSA", "RSASSA-PSS" -> a.equals("RSA") || a.equals("RSASSA-PSS");
                case "EC", "EC_EC", "EC_RSA" -> a.equals("EC");
                case "EdDSA", "Ed25519", "Ed448" -> a.equals("EdDSA") || a.equals("Ed25519") || a.equals("Ed448");
                default -> a.equals(keyType);
            };
        }

        @Override
        public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
            String a = choose(keyType);
            return a == null ? null : new String[] {a};
        }

        @Override
        public @Nullable String chooseClientAlias(String[] keyTypes, Principal @Nullable [] issuers, @Nullable Socket socket) {
            for (String t : keyTypes) {
                String a = choose(t);
                if (a != null) {
                    return a;
                }
            }
            return null;
        }

        @Override
        public @Nullable String chooseEngineClientAlias(String[] keyTypes, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
            return chooseClientAlias(keyTypes, issuers, null);
        }

        @Override
        public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
            String a = choose(keyType);
            return a == null ? null : new String[] {a};
        }

        @Override
        public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
            return choose(keyType);
        }

        @Override
        public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public X509Certificate @Nullable [] getCertificateChain(String alias) {
            int i = Integer.parseInt(alias);
            return i < entries.size() ? entries.get(i).chain.clone() : null;
        }

        @Override
        public @Nullable PrivateKey getPrivateKey(String alias) {
            int i = Integer.parseInt(alias);
            return i < entries.size() ? entries.get(i).key : null;
        }
    }
}
