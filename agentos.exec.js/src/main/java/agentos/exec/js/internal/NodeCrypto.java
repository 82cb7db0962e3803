package agentos.exec.js.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * Node's {@code crypto} beyond hashes: ciphers, key derivation, key objects (PEM/DER/JWK in and out), signatures,
 * RSA encryption and key agreement — the JDK's JCA, with BouncyCastle (as a provider instance, never registered
 * JVM-wide) for the encodings and algorithms the JDK lacks. Errors are IllegalArgumentExceptions whose message
 * starts with Node's error code and a colon.
 */
public final class NodeCrypto {
    /** BouncyCastle as a provider instance, never registered JVM-wide, built on first use (it sets up many algorithms). */
    static final class Bc {
        static final Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    private static byte[] bytes(@Nullable Value v) {
        if (v == null || v.isNull()) {
            return new byte[0];
        }
        if (v.hasBufferElements()) {
            int n = (int) v.getBufferSize();
            byte[] b = new byte[n];
            v.readBuffer(0, b, 0, n);
            return b;
        }
        // A typed array or DataView: its window of the underlying ArrayBuffer.
        Value buffer = v.getMember("buffer");
        int off = v.getMember("byteOffset").asInt();
        int n = v.getMember("byteLength").asInt();
        byte[] b = new byte[n];
        buffer.readBuffer(off, b, 0, n);
        return b;
    }

    private static IllegalArgumentException err(String code, String message) {
        return new IllegalArgumentException(code + ":" + message);
    }

    // ---- ciphers ----

    /** A cipher in progress: update/final as Node's Cipher and Decipher do. */
    public static final class CipherHandle {
        private final Cipher cipher;
        private final boolean encrypt;
        private final boolean aead;
        private final int tagLength;
        private final java.io.ByteArrayOutputStream aeadInput = new java.io.ByteArrayOutputStream();
        private byte @Nullable [] tag;

        CipherHandle(Cipher cipher, boolean encrypt, boolean aead, int tagLength) {
            this.cipher = cipher;
            this.encrypt = encrypt;
            this.aead = aead;
            this.tagLength = tagLength;
        }

        @Export
        public ByteBuffer update(Value data) {
            byte[] in = bytes(data);
            if (aead && !encrypt) {
                // The JCA checks the tag at the end and wants it after the ciphertext: hold the input until final.
                aeadInput.writeBytes(in);
                return ByteBuffer.allocate(0);
            }
            byte[] out = cipher.update(in);
            return ByteBuffer.wrap(out == null ? new byte[0] : out);
        }

        @Export
        public ByteBuffer doFinal() {
            try {
                if (aead && !encrypt) {
                    if (tag == null) {
                        throw err("ERR_CRYPTO_INVALID_STATE", "Unsupported state or unable to authenticate data");
                    }
                    byte[] in = aeadInput.toByteArray();
                    byte[] all = new byte[in.length + tag.length];
                    System.arraycopy(in, 0, all, 0, in.length);
                    System.arraycopy(tag, 0, all, in.length, tag.length);
                    return ByteBuffer.wrap(cipher.doFinal(all));
                }
                byte[] out = cipher.doFinal();
                if (aead) {
                    int n = out.length - tagLength;
                    tag = java.util.Arrays.copyOfRange(out, n, out.length);
                    out = java.util.Arrays.copyOf(out, n);
                }
                return ByteBuffer.wrap(out);
            } catch (javax.crypto.AEADBadTagException e) {
                throw err("ERR_CRYPTO_AUTH", "Unsupported state or unable to authenticate data");
            } catch (javax.crypto.BadPaddingException e) {
                throw err("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt");
            } catch (javax.crypto.IllegalBlockSizeException e) {
                throw err("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", encrypt
                        ? "error:1C80006B:Provider routines::wrong final block length"
                        : "error:1C80006B:Provider routines::wrong final block length");
            }
        }

        @Export
        public void setAAD(Value data) {
            cipher.updateAAD(bytes(data));
        }

        @Export
        public @Nullable ByteBuffer authTag() {
            return tag == null ? null : ByteBuffer.wrap(tag.clone());
        }

        @Export
        public void setAuthTag(Value data) {
            tag = bytes(data);
        }
    }

    private record CipherSpec(String transformation, int keyLength, int ivLength, String mode) {}

    private static @Nullable CipherSpec cipherSpec(String name, boolean padding) {
        String n = name.toLowerCase(Locale.ROOT);
        String pad = padding ? "PKCS5Padding" : "NoPadding";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:id-)?aes-?(128|192|256)-?(cbc|ecb|ctr|gcm|cfb|cfb8|ofb|ccm|ocb|wrap)?").matcher(n);
        if (m.matches()) {
            int len = Integer.parseInt(m.group(1)) / 8;
            String mode = m.group(2) == null ? "cbc" : m.group(2);
            return switch (mode) {
                case "cbc" -> new CipherSpec("AES/CBC/" + pad, len, 16, mode);
                case "ecb" -> new CipherSpec("AES/ECB/" + pad, len, 0, mode);
                case "ctr" -> new CipherSpec("AES/CTR/NoPadding", len, 16, mode);
                case "cfb" -> new CipherSpec("AES/CFB/NoPadding", len, 16, mode);
                case "cfb8" -> new CipherSpec("AES/CFB8/NoPadding", len, 16, mode);
                case "ofb" -> new CipherSpec("AES/OFB/NoPadding", len, 16, mode);
                case "gcm" -> new CipherSpec("AES/GCM/NoPadding", len, 12, mode);
                case "ccm" -> new CipherSpec("AES/CCM/NoPadding", len, 12, mode);
                case "ocb" -> new CipherSpec("AES/OCB/NoPadding", len, 12, mode);
                default -> null;
            };
        }
        return switch (n) {
            case "chacha20-poly1305" -> new CipherSpec("ChaCha20-Poly1305", 32, 12, "chacha20-poly1305");
            case "des-ede3-cbc", "des3" -> new CipherSpec("DESede/CBC/" + pad, 24, 8, "cbc");
            case "des-ede3", "des-ede3-ecb" -> new CipherSpec("DESede/ECB/" + pad, 24, 0, "ecb");
            case "des-ede-cbc" -> new CipherSpec("DESede/CBC/" + pad, 16, 8, "cbc");
            case "des-cbc" -> new CipherSpec("DES/CBC/" + pad, 8, 8, "cbc");
            case "des-ecb" -> new CipherSpec("DES/ECB/" + pad, 8, 0, "ecb");
            case "bf-cbc" -> new CipherSpec("Blowfish/CBC/" + pad, 16, 8, "cbc");
            default -> null;
        };
    }

    /** Node's getCiphers() names this runtime can run. */
    @Export
    public String[] ciphers() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String bits : new String[] {"128", "192", "256"}) {
            for (String mode : new String[] {"cbc", "ccm", "cfb", "cfb8", "ctr", "ecb", "gcm", "ocb", "ofb"}) {
                out.add("aes-" + bits + "-" + mode);
            }
            out.add("aes" + bits);
            out.add("id-aes" + bits + "-gcm");
        }
        out.addAll(java.util.List.of("chacha20-poly1305", "des-ede3-cbc", "des-ede3", "des-ede-cbc", "des3", "des-cbc", "des-ecb", "bf-cbc"));
        java.util.Collections.sort(out);
        return out.toArray(String[]::new);
    }

    /** {keyLength, ivLength, mode} of a cipher, or null when unknown. */
    @Export
    public int @Nullable [] cipherInfo(String name) {
        CipherSpec s = cipherSpec(name, true);
        return s == null ? null : new int[] {s.keyLength(), s.ivLength(), s.mode().equals("gcm") || s.mode().equals("ccm")
                || s.mode().equals("ocb") || s.mode().equals("chacha20-poly1305") ? 1 : 0};
    }

    @Export
    public CipherHandle cipher(String name, boolean encrypt, Value key, @Nullable Value iv, int authTagLength, boolean autoPadding) {
        CipherSpec spec = cipherSpec(name, autoPadding);
        if (spec == null) {
            throw err("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
        }
        byte[] k = bytes(key);
        byte[] v = iv == null || iv.isNull() ? null : bytes(iv);
        if (k.length != spec.keyLength()) {
            throw err("ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
        }
        boolean aead = spec.mode().equals("gcm") || spec.mode().equals("ccm") || spec.mode().equals("ocb")
                || spec.mode().equals("chacha20-poly1305");
        if (spec.ivLength() == 0 ? v != null && v.length != 0 : v == null || (aead ? v.length == 0 : v.length != spec.ivLength())) {
            throw err("ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
        }
        String alg = spec.transformation().substring(0, spec.transformation().indexOf('/') < 0 ? spec.transformation().length()
                : spec.transformation().indexOf('/'));
        int tagLen = authTagLength > 0 ? authTagLength : 16;
        try {
            Cipher c;
            try {
                c = Cipher.getInstance(spec.transformation());
            } catch (GeneralSecurityException e) {
                c = Cipher.getInstance(spec.transformation(), Bc.PROVIDER);
            }
            int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            SecretKeySpec ks = new SecretKeySpec(k, alg.equals("ChaCha20-Poly1305") ? "ChaCha20" : alg);
            if (v == null || v.length == 0) {
                c.init(mode, ks);
            } else if (spec.mode().equals("gcm") || spec.mode().equals("ccm") || spec.mode().equals("ocb")) {
                c.init(mode, ks, new GCMParameterSpec(tagLen * 8, v));
            } else {
                c.init(mode, ks, new IvParameterSpec(v));
            }
            return new CipherHandle(c, encrypt, aead, tagLen);
        } catch (java.security.InvalidAlgorithmParameterException e) {
            throw err("ERR_CRYPTO_INVALID_IV", "Invalid initialization vector (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw err("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher (" + e.getMessage() + ")");
        }
    }

    // ---- key derivation ----

    @Export
    public ByteBuffer pbkdf2(Value password, Value salt, int iterations, int keyLength, String digest) {
        PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(digest(digest));
        g.init(bytes(password), bytes(salt), iterations);
        return ByteBuffer.wrap(((KeyParameter) g.generateDerivedParameters(keyLength * 8)).getKey());
    }

    @Export
    public ByteBuffer scrypt(Value password, Value salt, double n, int r, int p, int keyLength) {
        return ByteBuffer.wrap(org.bouncycastle.crypto.generators.SCrypt.generate(bytes(password), bytes(salt), (int) n, r, p, keyLength));
    }

    @Export
    public ByteBuffer hkdf(String digest, Value key, Value salt, Value info, int keyLength) {
        HKDFBytesGenerator g = new HKDFBytesGenerator(digest(digest));
        g.init(new HKDFParameters(bytes(key), bytes(salt), bytes(info)));
        byte[] out = new byte[keyLength];
        g.generateBytes(out, 0, keyLength);
        return ByteBuffer.wrap(out);
    }

    private static org.bouncycastle.crypto.Digest digest(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("rsa-", "");
        return switch (n) {
            case "sha1", "sha-1" -> new SHA1Digest();
            case "sha224", "sha-224" -> DigestFactory.createSHA224();
            case "sha256", "sha-256" -> DigestFactory.createSHA256();
            case "sha384", "sha-384" -> DigestFactory.createSHA384();
            case "sha512", "sha-512" -> DigestFactory.createSHA512();
            case "sha512-256" -> DigestFactory.createSHA512_256();
            case "sha3-256" -> DigestFactory.createSHA3_256();
            case "sha3-384" -> DigestFactory.createSHA3_384();
            case "sha3-512" -> DigestFactory.createSHA3_512();
            case "md5" -> DigestFactory.createMD5();
            default -> throw err("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + name);
        };
    }

    /** JCA's digest name for a Node digest name ("sha256", "RSA-SHA256", "SHA-256"), or null. */
    static @Nullable String jcaHash(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT).replace("rsa-", "").replace("-", "");
        return switch (n) {
            case "sha1" -> "SHA1";
            case "sha224" -> "SHA224";
            case "sha256" -> "SHA256";
            case "sha384" -> "SHA384";
            case "sha512" -> "SHA512";
            case "sha3256" -> "SHA3-256";
            case "sha3384" -> "SHA3-384";
            case "sha3512" -> "SHA3-512";
            case "md5" -> "MD5";
            default -> throw err("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + name);
        };
    }

    // ---- keys ----

    /** A key: secret bytes, or a JCA public or private key. */
    public static final class KeyHandle {
        final @Nullable byte[] secret;
        final @Nullable Key key;

        KeyHandle(byte[] secret) {
            this.secret = secret;
            this.key = null;
        }

        KeyHandle(Key key) {
            this.secret = null;
            this.key = key;
        }

        @Export
        public String type() {
            return secret != null ? "secret" : key instanceof PrivateKey ? "private" : "public";
        }

        @Export
        public int symmetricKeySize() {
            return secret == null ? 0 : secret.length;
        }

        @Export
        public @Nullable ByteBuffer secretBytes() {
            return secret == null ? null : ByteBuffer.wrap(secret.clone());
        }

        @Export
        public @Nullable String asymmetricKeyType() {
            if (key == null) {
                return null;
            }
            String a = key.getAlgorithm();
            return switch (a) {
                case "RSA" -> "rsa";
                case "RSASSA-PSS" -> "rsa-pss";
                case "EC", "ECDSA", "ECDH" -> "ec";
                case "Ed25519" -> "ed25519";
                case "Ed448" -> "ed448";
                case "X25519" -> "x25519";
                case "X448" -> "x448";
                case "DSA" -> "dsa";
                case "DH", "DiffieHellman" -> "dh";
                case "EdDSA", "XDH" -> edName(key);
                default -> a.toLowerCase(Locale.ROOT);
            };
        }

        /** JSON of Node's asymmetricKeyDetails (bigints as decimal strings under "publicExponent"). */
        @Export
        public String details() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (key instanceof RSAKey r) {
                m.put("modulusLength", r.getModulus().bitLength());
                BigInteger e = key instanceof RSAPublicKey p ? p.getPublicExponent()
                        : key instanceof RSAPrivateCrtKey c ? c.getPublicExponent() : BigInteger.valueOf(65537);
                m.put("publicExponent", e.toString());
            } else if (key instanceof ECKey) {
                String curve = curveName(key);
                if (curve != null) {
                    m.put("namedCurve", curve);
                }
            } else if (key instanceof DSAKey d) {
                m.put("modulusLength", d.getParams().getP().bitLength());
                m.put("divisorLength", d.getParams().getQ().bitLength());
            }
            return TlsEngine.toJson(m);
        }

        @Export
        public boolean equalsKey(KeyHandle other) {
            if (secret != null) {
                return other.secret != null && java.security.MessageDigest.isEqual(secret, other.secret);
            }
            if (other.key == null || key == null || !java.util.Objects.equals(asymmetricKeyType(), other.asymmetricKeyType())) {
                return false;
            }
            if (java.util.Arrays.equals(key.getEncoded(), other.key.getEncoded())) {
                return true;
            }
            // The same key can be encoded differently (SEC1 inside PKCS#8 with or without its public point): a
            // private key is determined by its public half.
            return java.util.Arrays.equals(publicOf(key).getEncoded(), publicOf(other.key).getEncoded())
                    && (key instanceof PublicKey) == (other.key instanceof PublicKey);
        }

        /**
         * Exports as {@code format} pem (a string) or der (bytes); {@code type} pkcs1, pkcs8, sec1 or spki;
         * optionally encrypted with {@code cipher} and {@code passphrase}.
         */
        @Export
        public Object export(String format, String type, @Nullable String cipher, @Nullable Value passphrase) {
            if (key == null) {
                throw err("ERR_INVALID_ARG_VALUE", "secret keys export as bytes or JWK");
            }
            try {
                byte[] der;
                String label;
                if (key instanceof PublicKey) {
                    if (type.equals("pkcs1")) {
                        if (!(key instanceof RSAPublicKey)) {
                            throw err("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys.");
                        }
                        der = SubjectPublicKeyInfo.getInstance(key.getEncoded()).parsePublicKey().getEncoded();
                        label = "RSA PUBLIC KEY";
                    } else {
                        der = key.getEncoded();
                        label = "PUBLIC KEY";
                    }
                } else {
                    PrivateKeyInfo pki = PrivateKeyInfo.getInstance(key.getEncoded());
                    if (type.equals("pkcs1") || type.equals("sec1")) {
                        if (type.equals("pkcs1") && !(key instanceof RSAKey)) {
                            throw err("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys.");
                        }
                        if (type.equals("sec1") && !(key instanceof ECKey)) {
                            throw err("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding sec1 can only be used for EC keys.");
                        }
                        if (cipher != null && format.equals("pem")) {
                            StringWriter w = new StringWriter();
                            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                                pw.writeObject(key, new JcePEMEncryptorBuilder(cipher.toUpperCase(Locale.ROOT)).setProvider(Bc.PROVIDER)
                                        .build(passphraseChars(passphrase)));
                            }
                            return w.toString();
                        }
                        if (type.equals("sec1")) {
                            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(pki.parsePrivateKey());
                            ASN1Primitive params = pki.getPrivateKeyAlgorithm().getParameters().toASN1Primitive();
                            byte[] pub = publicPoint(key);
                            der = new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits(key), inner.getKey(),
                                    pub == null ? null : new org.bouncycastle.asn1.DERBitString(pub), params).getEncoded();
                            label = "EC PRIVATE KEY";
                        } else {
                            der = pki.parsePrivateKey().toASN1Primitive().getEncoded();
                            label = "RSA PRIVATE KEY";
                        }
                    } else {
                        if (cipher != null) {
                            JceOpenSSLPKCS8EncryptorBuilder eb = new JceOpenSSLPKCS8EncryptorBuilder(pkcs8Cipher(cipher)).setProvider(Bc.PROVIDER)
                                    .setPassword(passphraseChars(passphrase));
                            var gen = new JcaPKCS8Generator((PrivateKey) key, eb.build()).generate();
                            der = gen.getContent();
                            label = "ENCRYPTED PRIVATE KEY";
                        } else {
                            der = key.getEncoded();
                            label = "PRIVATE KEY";
                        }
                    }
                }
                if (format.equals("der")) {
                    return ByteBuffer.wrap(der);
                }
                return pem(label, der);
            } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
                throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
            }
        }

        /** The JWK members as JSON. */
        @Export
        public String jwk() {
            Map<String, Object> m = new LinkedHashMap<>();
            Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
            if (secret != null) {
                m.put("kty", "oct");
                m.put("k", b.encodeToString(secret));
            } else if (key instanceof RSAKey r) {
                m.put("kty", "RSA");
                m.put("n", b.encodeToString(unsigned(r.getModulus())));
                if (key instanceof RSAPublicKey p) {
                    m.put("e", b.encodeToString(unsigned(p.getPublicExponent())));
                } else if (key instanceof RSAPrivateCrtKey c) {
                    m.put("e", b.encodeToString(unsigned(c.getPublicExponent())));
                    m.put("d", b.encodeToString(unsigned(c.getPrivateExponent())));
                    m.put("p", b.encodeToString(unsigned(c.getPrimeP())));
                    m.put("q", b.encodeToString(unsigned(c.getPrimeQ())));
                    m.put("dp", b.encodeToString(unsigned(c.getPrimeExponentP())));
                    m.put("dq", b.encodeToString(unsigned(c.getPrimeExponentQ())));
                    m.put("qi", b.encodeToString(unsigned(c.getCrtCoefficient())));
                }
            } else if (key instanceof ECKey ec) {
                String curve = curveName(key);
                String crv = curve == null ? null : switch (curve) {
                    case "prime256v1" -> "P-256";
                    case "secp384r1" -> "P-384";
                    case "secp521r1" -> "P-521";
                    case "secp256k1" -> "secp256k1";
                    default -> null;
                };
                if (crv == null) {
                    throw err("ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: " + curve + ".");
                }
                int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
                byte[] point = publicPoint(key);
                m.put("kty", "EC");
                m.put("crv", crv);
                if (point != null) {
                    m.put("x", b.encodeToString(java.util.Arrays.copyOfRange(point, 1, 1 + size)));
                    m.put("y", b.encodeToString(java.util.Arrays.copyOfRange(point, 1 + size, 1 + 2 * size)));
                }
                if (key instanceof java.security.interfaces.ECPrivateKey pk) {
                    m.put("d", b.encodeToString(fixed(pk.getS(), size)));
                }
            } else if (key != null && asymmetricKeyType() != null && asymmetricKeyType().matches("ed25519|ed448|x25519|x448")) {
                String t = asymmetricKeyType();
                m.put("crv", switch (t) {
                    case "ed25519" -> "Ed25519";
                    case "ed448" -> "Ed448";
                    case "x25519" -> "X25519";
                    default -> "X448";
                });
                m.put("kty", "OKP");
                if (key instanceof PublicKey) {
                    m.put("x", b.encodeToString(SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes()));
                } else {
                    try {
                        PrivateKeyInfo pki = PrivateKeyInfo.getInstance(key.getEncoded());
                        byte[] d = org.bouncycastle.asn1.ASN1OctetString.getInstance(pki.parsePrivateKey()).getOctets();
                        PublicKey pub = publicOf(key);
                        m.put("x", b.encodeToString(SubjectPublicKeyInfo.getInstance(pub.getEncoded()).getPublicKeyData().getBytes()));
                        m.put("d", b.encodeToString(d));
                    } catch (IOException e) {
                        throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
                    }
                }
            } else {
                throw err("ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.");
            }
            return TlsEngine.toJson(m);
        }

        /** The public half of a private key (itself for a public key). */
        @Export
        public KeyHandle publicKey() {
            if (key instanceof PublicKey) {
                return this;
            }
            if (key == null) {
                throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type secret, expected private.");
            }
            return new KeyHandle(publicOf(key));
        }
    }

    private static String edName(Key key) {
        try {
            ASN1ObjectIdentifier oid = key instanceof PublicKey
                    ? SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm()
                    : PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getAlgorithm();
            return switch (oid.getId()) {
                case "1.3.101.112" -> "ed25519";
                case "1.3.101.113" -> "ed448";
                case "1.3.101.110" -> "x25519";
                case "1.3.101.111" -> "x448";
                default -> key.getAlgorithm().toLowerCase(Locale.ROOT);
            };
        } catch (RuntimeException e) {
            return key.getAlgorithm().toLowerCase(Locale.ROOT);
        }
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] u = unsigned(v);
        if (u.length == size) {
            return u;
        }
        byte[] out = new byte[size];
        System.arraycopy(u, Math.max(0, u.length - size), out, Math.max(0, size - u.length), Math.min(size, u.length));
        return out;
    }

    private static int orderBits(Key key) {
        return ((ECKey) key).getParams().getOrder().bitLength();
    }

    static @Nullable String curveName(Key key) {
        try {
            AlgorithmIdentifier alg = key instanceof PublicKey ? SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm()
                    : PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm();
            if (alg.getParameters() instanceof ASN1ObjectIdentifier oid) {
                if (oid.equals(X9ObjectIdentifiers.prime256v1)) {
                    return "prime256v1";
                }
                String name = ECNamedCurveTable.getName(oid);
                return name == null ? oid.getId() : name;
            }
        } catch (RuntimeException e) {
            // explicit parameters: no name
        }
        return null;
    }

    /** The uncompressed public point of an EC key (04 || x || y), or null. */
    static byte @Nullable [] publicPoint(Key key) {
        PublicKey pub = key instanceof PublicKey p ? p : publicOf(key);
        if (pub instanceof ECPublicKey) {
            return SubjectPublicKeyInfo.getInstance(pub.getEncoded()).getPublicKeyData().getBytes();
        }
        return null;
    }

    static PublicKey publicOf(Key key) {
        if (key instanceof PublicKey p) {
            return p;
        }
        try {
            if (key instanceof RSAPrivateCrtKey c) {
                return KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(c.getModulus(), c.getPublicExponent()));
            }
            // BouncyCastle derives the public half of EC, EdDSA, XDH and DSA keys from their PKCS#8 form.
            PrivateKeyInfo pki = PrivateKeyInfo.getInstance(key.getEncoded());
            java.security.KeyFactory kf = KeyFactory.getInstance(pki.getPrivateKeyAlgorithm().getAlgorithm().getId(), Bc.PROVIDER);
            PrivateKey bcKey = kf.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            PublicKey bcPub;
            if (bcKey instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ecp) {
                var params = ecp.getParameters();
                var q = params.getG().multiply(ecp.getD()).normalize();
                bcPub = kf.generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, params));
                // Keep the named-curve encoding of the private key.
                SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(pki.getPrivateKeyAlgorithm(), q.getEncoded(false));
                return toJca(spki);
            } else if (bcKey instanceof org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey ed) {
                bcPub = ed.getPublicKey();
            } else if (bcKey instanceof org.bouncycastle.jcajce.interfaces.XDHPrivateKey x) {
                bcPub = x.getPublicKey();
            } else if (bcKey instanceof java.security.interfaces.DSAPrivateKey d) {
                var p = d.getParams();
                bcPub = KeyFactory.getInstance("DSA").generatePublic(new java.security.spec.DSAPublicKeySpec(
                        p.getG().modPow(d.getX(), p.getP()), p.getP(), p.getQ(), p.getG()));
            } else {
                throw err("ERR_CRYPTO_OPERATION_FAILED", "cannot derive the public key of a " + key.getAlgorithm() + " key");
            }
            return toJca(SubjectPublicKeyInfo.getInstance(bcPub.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    private static PublicKey toJca(SubjectPublicKeyInfo spki) throws IOException {
        return new JcaPEMKeyConverter().getPublicKey(spki);
    }

    private static PrivateKey toJca(PrivateKeyInfo pki) throws IOException {
        return new JcaPEMKeyConverter().getPrivateKey(pki);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static char[] passphraseChars(@Nullable Value passphrase) {
        if (passphrase == null || passphrase.isNull()) {
            throw err("ERR_MISSING_PASSPHRASE", "Passphrase required for encrypted key");
        }
        return new String(bytes(passphrase), java.nio.charset.StandardCharsets.ISO_8859_1).toCharArray();
    }

    private static ASN1ObjectIdentifier pkcs8Cipher(String cipher) {
        return switch (cipher.toLowerCase(Locale.ROOT)) {
            case "aes-128-cbc", "aes128" -> org.bouncycastle.openssl.PKCS8Generator.AES_128_CBC;
            case "aes-192-cbc", "aes192" -> org.bouncycastle.openssl.PKCS8Generator.AES_192_CBC;
            case "aes-256-cbc", "aes256" -> org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC;
            case "des-ede3-cbc", "des3" -> org.bouncycastle.openssl.PKCS8Generator.DES3_CBC;
            default -> throw err("ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
        };
    }

    @Export
    public KeyHandle secretKey(Value data) {
        return new KeyHandle(bytes(data));
    }

    /**
     * Reads a key: {@code format} pem, der or jwk (then {@code data} is the JWK's JSON in UTF-8); {@code type}
     * pkcs1/pkcs8/sec1/spki for DER; {@code wantPrivate} false takes the public half of a private key (Node's
     * createPublicKey) and accepts certificates.
     */
    @Export
    public KeyHandle parseKey(Value data, String format, @Nullable String type, @Nullable Value passphrase, boolean wantPrivate) {
        byte[] in = bytes(data);
        try {
            Key k = switch (format) {
                case "pem" -> parsePem(new String(in, java.nio.charset.StandardCharsets.ISO_8859_1), passphrase, wantPrivate);
                case "der" -> parseDer(in, type, wantPrivate, passphrase);
                case "jwk" -> parseJwk(new String(in, java.nio.charset.StandardCharsets.UTF_8), wantPrivate);
                default -> throw err("ERR_INVALID_ARG_VALUE", "The property 'key.format' is invalid. Received '" + format + "'");
            };
            if (!wantPrivate && k instanceof PrivateKey) {
                k = publicOf(k);
            }
            return new KeyHandle(k);
        } catch (IOException e) {
            throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
        }
    }

    private static Key parsePem(String pem, @Nullable Value passphrase, boolean wantPrivate) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o;
            try {
                o = p.readObject();
                while (o instanceof ASN1ObjectIdentifier || o instanceof org.bouncycastle.asn1.x9.X9ECParameters) {
                    o = p.readObject();
                }
            } catch (IOException | RuntimeException e) {
                throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
            }
            if (o == null) {
                throw err("ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line");
            }
            try {
                if (o instanceof PEMKeyPair kp) {
                    return toJca(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo pki) {
                    return toJca(pki);
                }
                if (o instanceof SubjectPublicKeyInfo spki) {
                    if (wantPrivate) {
                        throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
                    }
                    return toJca(spki);
                }
                if (o instanceof X509CertificateHolder cert) {
                    if (wantPrivate) {
                        throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
                    }
                    return toJca(cert.getSubjectPublicKeyInfo());
                }
                if (o instanceof PEMEncryptedKeyPair ekp) {
                    return toJca(ekp.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                            .build(passphraseChars(passphrase))).getPrivateKeyInfo());
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo epki) {
                    return toJca(epki.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                            .build(passphraseChars(passphrase))));
                }
            } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException
                    | org.bouncycastle.openssl.EncryptionException e) {
                throw err("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt");
            }
            throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
        }
    }

    private static Key parseDer(byte[] der, @Nullable String type, boolean wantPrivate, @Nullable Value passphrase) throws IOException {
        try {
            String t = type == null ? (wantPrivate ? "pkcs8" : "spki") : type;
            switch (t) {
                case "spki" -> {
                    return toJca(SubjectPublicKeyInfo.getInstance(der));
                }
                case "pkcs8" -> {
                    try {
                        return toJca(PrivateKeyInfo.getInstance(der));
                    } catch (RuntimeException e) {
                        PKCS8EncryptedPrivateKeyInfo epki = new PKCS8EncryptedPrivateKeyInfo(der);
                        return toJca(epki.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                                .build(passphraseChars(passphrase))));
                    }
                }
                case "pkcs1" -> {
                    ASN1Primitive prim = ASN1Primitive.fromByteArray(der);
                    AlgorithmIdentifier rsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
                    if (org.bouncycastle.asn1.ASN1Sequence.getInstance(prim).size() == 2) {
                        return toJca(new SubjectPublicKeyInfo(rsa, prim));
                    }
                    return toJca(new PrivateKeyInfo(rsa, prim));
                }
                case "sec1" -> {
                    org.bouncycastle.asn1.sec.ECPrivateKey ec = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
                    AlgorithmIdentifier alg = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject());
                    return toJca(new PrivateKeyInfo(alg, ec));
                }
                default -> throw err("ERR_INVALID_ARG_VALUE", "The property 'key.type' is invalid. Received '" + t + "'");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("ERR_")) {
                throw e;
            }
            throw err("ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw err("ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt");
        }
    }

    private static Key parseJwk(String json, boolean wantPrivate) {
        com.google.gson.JsonObject o;
        try {
            o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK data");
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        java.util.function.Function<String, BigInteger> num = (name) -> {
            if (!o.has(name) || !o.get(name).isJsonPrimitive()) {
                throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK " + kty(o) + " key");
            }
            return new BigInteger(1, d.decode(o.get(name).getAsString()));
        };
        try {
            String kty = kty(o);
            switch (kty) {
                case "RSA" -> {
                    KeyFactory kf = KeyFactory.getInstance("RSA");
                    if (o.has("d")) {
                        return kf.generatePrivate(new java.security.spec.RSAPrivateCrtKeySpec(num.apply("n"), num.apply("e"), num.apply("d"),
                                num.apply("p"), num.apply("q"), num.apply("dp"), num.apply("dq"), num.apply("qi")));
                    }
                    return kf.generatePublic(new java.security.spec.RSAPublicKeySpec(num.apply("n"), num.apply("e")));
                }
                case "EC" -> {
                    String crv = o.has("crv") ? o.get("crv").getAsString() : "";
                    String curve = switch (crv) {
                        case "P-256" -> "secp256r1";
                        case "P-384" -> "secp384r1";
                        case "P-521" -> "secp521r1";
                        case "secp256k1" -> "secp256k1";
                        default -> throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK EC key");
                    };
                    var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(curve);
                    ASN1ObjectIdentifier oid = org.bouncycastle.asn1.x9.ECNamedCurveTable.getOID(curve);
                    AlgorithmIdentifier alg = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid);
                    var q = spec.getCurve().createPoint(num.apply("x"), num.apply("y"));
                    if (o.has("d")) {
                        int bits = spec.getN().bitLength();
                        var pk = new org.bouncycastle.asn1.sec.ECPrivateKey(bits, num.apply("d"),
                                new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)), null);
                        return toJca(new PrivateKeyInfo(alg, pk));
                    }
                    return toJca(new SubjectPublicKeyInfo(alg, q.getEncoded(false)));
                }
                case "OKP" -> {
                    String crv = o.has("crv") ? o.get("crv").getAsString() : "";
                    ASN1ObjectIdentifier oid = switch (crv) {
                        case "Ed25519" -> new ASN1ObjectIdentifier("1.3.101.112");
                        case "Ed448" -> new ASN1ObjectIdentifier("1.3.101.113");
                        case "X25519" -> new ASN1ObjectIdentifier("1.3.101.110");
                        case "X448" -> new ASN1ObjectIdentifier("1.3.101.111");
                        default -> throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK OKP key");
                    };
                    AlgorithmIdentifier alg = new AlgorithmIdentifier(oid);
                    if (o.has("d")) {
                        return toJca(new PrivateKeyInfo(alg, new org.bouncycastle.asn1.DEROctetString(d.decode(o.get("d").getAsString()))));
                    }
                    return toJca(new SubjectPublicKeyInfo(alg, d.decode(o.get("x").getAsString())));
                }
                default -> throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK data");
            }
        } catch (GeneralSecurityException | IOException e) {
            throw err("ERR_CRYPTO_INVALID_JWK", "Invalid JWK data");
        }
    }

    private static String kty(com.google.gson.JsonObject o) {
        return o.has("kty") && o.get("kty").isJsonPrimitive() ? o.get("kty").getAsString() : "";
    }

    /**
     * A new key pair of {@code type} (rsa, rsa-pss, ec, ed25519, ed448, x25519, x448, dsa) with options {@code
     * modulusLength}, {@code publicExponent}, {@code namedCurve}, {@code divisorLength}; returns {public, private}.
     */
    @Export
    public KeyHandle[] generateKeyPair(String type, Value options) {
        try {
            KeyPairGenerator g;
            switch (type) {
                case "rsa", "rsa-pss" -> {
                    g = KeyPairGenerator.getInstance(type.equals("rsa") ? "RSA" : "RSASSA-PSS");
                    Value pe = options.getMember("publicExponent");
                    BigInteger e = pe == null || pe.isNull() ? RSAKeyGenParameterSpec.F4
                            : pe.isString() ? new BigInteger(pe.asString()) : BigInteger.valueOf(pe.asLong());
                    g.initialize(new RSAKeyGenParameterSpec(options.getMember("modulusLength").asInt(), e));
                }
                case "ec" -> {
                    String curve = options.getMember("namedCurve").asString();
                    String jca = switch (curve) {
                        case "prime256v1", "P-256" -> "secp256r1";
                        case "P-384" -> "secp384r1";
                        case "P-521" -> "secp521r1";
                        default -> curve;
                    };
                    try {
                        g = KeyPairGenerator.getInstance("EC");
                        g.initialize(new ECGenParameterSpec(jca));
                    } catch (GeneralSecurityException e) {
                        g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
                        g.initialize(new ECGenParameterSpec(jca));
                    }
                }
                case "ed25519", "ed448", "x25519", "x448" -> g = KeyPairGenerator.getInstance(switch (type) {
                    case "ed25519" -> "Ed25519";
                    case "ed448" -> "Ed448";
                    case "x25519" -> "X25519";
                    default -> "X448";
                });
                case "dsa" -> {
                    g = KeyPairGenerator.getInstance("DSA");
                    g.initialize(options.getMember("modulusLength").asInt());
                }
                default -> throw err("ERR_INVALID_ARG_VALUE", "The argument 'type' must be a supported key type. Received '" + type + "'");
            }
            KeyPair kp = g.generateKeyPair();
            Key pub = kp.getPublic();
            Key priv = kp.getPrivate();
            if (pub.getClass().getName().startsWith("org.bouncycastle")) {
                pub = toJca(SubjectPublicKeyInfo.getInstance(pub.getEncoded()));
                priv = toJca(PrivateKeyInfo.getInstance(priv.getEncoded()));
            }
            return new KeyHandle[] {new KeyHandle(pub), new KeyHandle(priv)};
        } catch (GeneralSecurityException | IOException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    // ---- signatures ----

    private static Signature signature(@Nullable String hash, Key key, int padding, int saltLength, boolean p1363) throws GeneralSecurityException {
        String kt = new KeyHandle(key).asymmetricKeyType();
        String h = jcaHash(hash);
        if ("ed25519".equals(kt) || "ed448".equals(kt)) {
            return Signature.getInstance(kt.equals("ed25519") ? "Ed25519" : "Ed448");
        }
        if (h == null) {
            h = "SHA256";
        }
        if ("rsa-pss".equals(kt) || ("rsa".equals(kt) && padding == 6)) {
            Signature s = Signature.getInstance("RSASSA-PSS");
            String mh = h.startsWith("SHA3") ? h : h.replace("SHA", "SHA-");
            int digestLen = java.security.MessageDigest.getInstance(mh).getDigestLength();
            int modBytes = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
            int salt = saltLength == -1 || saltLength == -3 ? digestLen : saltLength == -2 ? modBytes - digestLen - 2 : saltLength;
            if (saltLength == -3 && key instanceof PublicKey) {
                salt = modBytes - digestLen - 2;
            }
            s.setParameter(new PSSParameterSpec(mh, "MGF1", new MGF1ParameterSpec(mh), Math.max(0, salt), 1));
            return s;
        }
        if ("rsa".equals(kt)) {
            return Signature.getInstance(h + "withRSA");
        }
        if ("ec".equals(kt)) {
            return Signature.getInstance(h + (p1363 ? "withECDSAinP1363Format" : "withECDSA"));
        }
        if ("dsa".equals(kt)) {
            return Signature.getInstance(h + (p1363 ? "withDSAinP1363Format" : "withDSA"));
        }
        throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "the key cannot sign");
    }

    /** Signs {@code data}; {@code padding} 6 for RSA-PSS, {@code saltLength} -1 digest / -2 max. */
    @Export
    public ByteBuffer sign(@Nullable String hash, KeyHandle key, Value data, int padding, int saltLength, boolean p1363) {
        if (!(key.key instanceof PrivateKey pk)) {
            throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type " + key.type() + ", expected private.");
        }
        try {
            Signature s = signature(hash, pk, padding, saltLength, p1363);
            s.initSign(pk);
            s.update(bytes(data));
            return ByteBuffer.wrap(s.sign());
        } catch (java.security.InvalidKeyException e) {
            throw err("ERR_OSSL_DIGEST_TOO_BIG_FOR_RSA_KEY", "error:1C8000A5:Provider routines::digest too big for rsa key (" + e.getMessage() + ")");
        } catch (java.security.SignatureException e) {
            throw err("ERR_OSSL_DIGEST_TOO_BIG_FOR_RSA_KEY", "error:1C8000A5:Provider routines::digest too big for rsa key");
        } catch (GeneralSecurityException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    @Export
    public boolean verify(@Nullable String hash, KeyHandle key, Value data, Value sig, int padding, int saltLength, boolean p1363) {
        Key k = key.key instanceof PrivateKey ? publicOf(key.key) : key.key;
        if (!(k instanceof PublicKey pub)) {
            throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type secret, expected public.");
        }
        byte[] message = bytes(data);
        byte[] signature = bytes(sig);
        try {
            String type = new KeyHandle(pub).asymmetricKeyType();
            boolean pss = "rsa-pss".equals(type) || ("rsa".equals(type) && padding == 6);
            if (pss && saltLength == -2) {
                // RSA_PSS_SALTLEN_AUTO: the JCA verifies one salt length, so try the ones signers use.
                for (int candidate : new int[] {-3, -1, 0}) {
                    if (verifyOnce(hash, pub, padding, candidate, p1363, message, signature)) {
                        return true;
                    }
                }
                return false;
            }
            return verifyOnce(hash, pub, padding, saltLength, p1363, message, signature);
        } catch (GeneralSecurityException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    private static boolean verifyOnce(@Nullable String hash, PublicKey pub, int padding, int saltLength, boolean p1363,
            byte[] message, byte[] signature) throws GeneralSecurityException {
        try {
            Signature s = signature(hash, pub, padding, saltLength, p1363);
            s.initVerify(pub);
            s.update(message);
            return s.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    // ---- RSA encryption ----

    /** {@code op}: publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt; padding 1 PKCS#1, 3 none, 4 OAEP. */
    @Export
    public ByteBuffer rsa(String op, KeyHandle key, Value data, int padding, @Nullable String oaepHash, @Nullable Value label) {
        boolean encrypt = op.endsWith("Encrypt");
        boolean usePublic = op.startsWith("public");
        Key k = key.key;
        if (usePublic && k instanceof PrivateKey) {
            k = publicOf(k);
        }
        if (k == null || (!usePublic && !(k instanceof PrivateKey))) {
            throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type " + key.type() + ", expected private.");
        }
        try {
            Cipher c;
            if (padding == 4) {
                String h = oaepHash == null ? "SHA-1" : jcaHash(oaepHash).replaceFirst("^SHA(\\d)", "SHA-$1");
                c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, k, new javax.crypto.spec.OAEPParameterSpec(h, "MGF1",
                        new MGF1ParameterSpec(h), new javax.crypto.spec.PSource.PSpecified(label == null || label.isNull() ? new byte[0] : bytes(label))));
            } else {
                c = Cipher.getInstance(padding == 3 ? "RSA/ECB/NoPadding" : "RSA/ECB/PKCS1Padding");
                c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, k);
            }
            return ByteBuffer.wrap(c.doFinal(bytes(data)));
        } catch (javax.crypto.BadPaddingException e) {
            throw err("ERR_OSSL_RSA_OAEP_DECODING_ERROR", "error:02000079:rsa routines::oaep decoding error");
        } catch (javax.crypto.IllegalBlockSizeException e) {
            throw err("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE", "error:0200006E:rsa routines::data too large for key size");
        } catch (GeneralSecurityException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    // ---- key agreement ----

    /** crypto.diffieHellman: the shared secret of a private and a public key (EC, X25519, X448). */
    @Export
    public ByteBuffer agree(KeyHandle privateKey, KeyHandle publicKey) {
        try {
            String t = privateKey.asymmetricKeyType();
            KeyAgreement ka = KeyAgreement.getInstance("ec".equals(t) ? "ECDH" : "x25519".equals(t) ? "X25519" : "x448".equals(t) ? "X448" : "DH");
            ka.init(privateKey.key);
            ka.doPhase(publicKey.key, true);
            return ByteBuffer.wrap(ka.generateSecret());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw err("ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: " + e.getMessage());
        }
    }

    /** An EC key from a raw private scalar (ECDH.setPrivateKey) on {@code curve}. */
    @Export
    public KeyHandle ecPrivate(String curve, Value scalar) {
        try {
            String name = curve.equals("prime256v1") ? "secp256r1" : curve;
            var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(name);
            if (spec == null) {
                throw err("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
            }
            BigInteger d = new BigInteger(1, bytes(scalar));
            if (d.signum() == 0 || d.compareTo(spec.getN()) >= 0) {
                throw err("ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.");
            }
            ASN1ObjectIdentifier oid = org.bouncycastle.asn1.x9.ECNamedCurveTable.getOID(name);
            var q = spec.getG().multiply(d).normalize();
            var pk = new org.bouncycastle.asn1.sec.ECPrivateKey(spec.getN().bitLength(), d, new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)), null);
            return new KeyHandle(toJca(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid), pk)));
        } catch (IOException e) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", String.valueOf(e.getMessage()));
        }
    }

    /** An EC public key from an encoded point (compressed or not) on {@code curve}. */
    @Export
    public KeyHandle ecPublic(String curve, Value point) {
        String name = curve.equals("prime256v1") ? "secp256r1" : curve;
        var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(name);
        if (spec == null) {
            throw err("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
        }
        try {
            var q = spec.getCurve().decodePoint(bytes(point));
            ASN1ObjectIdentifier oid = org.bouncycastle.asn1.x9.ECNamedCurveTable.getOID(name);
            return new KeyHandle(toJca(new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid), q.getEncoded(false))));
        } catch (IOException | RuntimeException e) {
            throw err("ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve");
        }
    }

    /** An EC key's public point, compressed or not; its private scalar with {@code scalar}. */
    @Export
    public ByteBuffer ecPoint(KeyHandle key, boolean compressed) {
        byte[] p = publicPoint(key.key);
        if (p == null) {
            throw err("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "not an EC key");
        }
        if (compressed) {
            String name = curveName(key.key);
            var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("prime256v1".equals(name) ? "secp256r1" : name);
            p = spec.getCurve().decodePoint(p).getEncoded(true);
        }
        return ByteBuffer.wrap(p);
    }

    @Export
    public ByteBuffer ecScalar(KeyHandle key) {
        var pk = (java.security.interfaces.ECPrivateKey) key.key;
        return ByteBuffer.wrap(fixed(pk.getS(), (pk.getParams().getCurve().getField().getFieldSize() + 7) / 8));
    }

    /** Node's legacy certificate object (JSON, raw and pubkey in base64) of a PEM or DER certificate. */
    @Export
    public String x509(Value data) {
        return TlsEngine.toJson(TlsEngine.certificate(certificate(bytes(data))));
    }

    @Export
    public boolean x509Verify(Value raw, KeyHandle key) {
        try {
            certificate(bytes(raw)).verify((PublicKey) key.key);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static java.security.cert.X509Certificate certificate(byte[] in) {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(in));
        } catch (java.security.cert.CertificateException e) {
            throw err("ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line");
        }
    }

    // ---- classic Diffie-Hellman (createDiffieHellman, getDiffieHellman) ----

    /** {prime, generator} of a named MODP group (RFC 2409, RFC 3526), or null. */
    @Export
    public ByteBuffer @Nullable [] dhGroup(String name) {
        org.bouncycastle.crypto.params.DHParameters p = switch (name) {
            case "modp1" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc2409_768;
            case "modp2" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc2409_1024;
            case "modp5" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_1536;
            case "modp14" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_2048;
            case "modp15" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_3072;
            case "modp16" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_4096;
            case "modp17" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_6144;
            case "modp18" -> org.bouncycastle.crypto.agreement.DHStandardGroups.rfc3526_8192;
            default -> null;
        };
        return p == null ? null : new ByteBuffer[] {ByteBuffer.wrap(unsigned(p.getP())), ByteBuffer.wrap(unsigned(p.getG()))};
    }

    /** A safe prime of {@code bits} bits (OpenSSL's DH parameter generation). */
    @Export
    public ByteBuffer dhPrime(int bits) {
        var gen = new org.bouncycastle.crypto.generators.DHParametersGenerator();
        gen.init(bits, 20, new java.security.SecureRandom());
        return ByteBuffer.wrap(unsigned(gen.generateParameters().getP()));
    }

    /** base^exponent mod modulus, big-endian unsigned, padded to the modulus' length. */
    @Export
    public ByteBuffer modPow(Value base, Value exponent, Value modulus) {
        BigInteger m = new BigInteger(1, bytes(modulus));
        if (m.signum() == 0) {
            throw err("ERR_CRYPTO_OPERATION_FAILED", "zero modulus");
        }
        BigInteger r = new BigInteger(1, bytes(base)).modPow(new BigInteger(1, bytes(exponent)), m);
        return ByteBuffer.wrap(fixed(r, (m.bitLength() + 7) / 8));
    }

    /** Whether {@code candidate} is (probably) prime. */
    @Export
    public boolean isPrime(Value candidate, int checks) {
        return new BigInteger(1, bytes(candidate)).isProbablePrime(Math.max(20, checks * 2));
    }

    /** The curve names ECDH and EC keys accept. */
    @Export
    public String[] curves() {
        return new String[] {"prime256v1", "secp256k1", "secp384r1", "secp521r1", "secp224r1"};
    }
}
