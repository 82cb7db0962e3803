package agentos.exec.js.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * One TLS connection's record layer and handshake (the JDK's {@link SSLEngine}) for a guest that moves the bytes
 * itself: it {@link #feed}s what arrived from the peer, {@link #send}s plaintext, calls {@link #pump} and then
 * takes the records to write ({@link #takeNet}) and the plaintext that arrived ({@link #takeApp}). Pure
 * computation on the calling (event-loop) thread: no socket, no thread; all I/O stays the guest's, over the
 * kernel. Bounded: at most {@link #MAX_BUFFERED} bytes may wait on either side.
 */
public final class TlsEngine {
    /** pump() flags. */
    static final int HANDSHAKE_DONE = 1;
    static final int INBOUND_CLOSED = 2;
    static final int FAILED = 4;
    static final int OUTBOUND_CLOSED = 8;
    private static final int MAX_BUFFERED = 16 << 20;

    private final SSLEngine engine;
    private final boolean server;
    private ByteBuffer netIn = ByteBuffer.allocate(0);
    private final ByteArrayOutputStream appOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream netOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream appIn = new ByteArrayOutputStream();
    private boolean handshakeReported;
    private boolean inboundClosedReported;
    private boolean outboundClosedReported;
    private String @Nullable [] error;
    private String @Nullable [] verifyError;
    private boolean verifiedPeer;
    private @Nullable Value alpnCallback;
    private boolean closingOut;

    /**
     * Options (guest values): {@code servername} (client: SNI), {@code alpn} (array of protocol names: offered by a
     * client, chosen from by a server in its order), {@code alpnCallback} (server: {@code ({servername, protocols})
     * => name | undefined}), {@code requestCert} (server: ask for a client certificate), {@code minVersion} /
     * {@code maxVersion} ({@code TLSv1.2}, {@code TLSv1.3}).
     */
    TlsEngine(SSLEngine engine, boolean server, Value options) {
        this.engine = engine;
        this.server = server;
        engine.setUseClientMode(!server);
        SSLParameters p = engine.getSSLParameters();
        String sni = string(options, "servername");
        if (!server && sni != null && !sni.isEmpty() && !sni.matches("[0-9.]+|.*:.*")) {
            try {
                p.setServerNames(List.of(new SNIHostName(sni)));
            } catch (IllegalArgumentException e) {
                // not a valid host name: no SNI, like OpenSSL given an IP
            }
        }
        List<String> alpn = strings(options, "alpn");
        Value cb = options.getMember("alpnCallback");
        if (server) {
            if (cb != null && cb.canExecute()) {
                alpnCallback = cb;
                engine.setHandshakeApplicationProtocolSelector((e, offered) -> selectByCallback(offered));
            } else if (!alpn.isEmpty()) {
                engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
                    for (String mine : alpn) {
                        if (offered.contains(mine)) {
                            return mine;
                        }
                    }
                    return null;
                });
            }
            if (options.hasMember("requestCert") && options.getMember("requestCert").isBoolean()
                    && options.getMember("requestCert").asBoolean()) {
                p.setWantClientAuth(true);
            }
        } else if (!alpn.isEmpty()) {
            p.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        List<String> versions = new ArrayList<>();
        String min = string(options, "minVersion");
        String max = string(options, "maxVersion");
        for (String v : new String[] {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"}) {
            if ((min == null || rank(v) >= rank(min)) && (max == null || rank(v) <= rank(max))) {
                versions.add(v);
            }
        }
        List<String> supported = List.of(engine.getSupportedProtocols());
        versions.removeIf(v -> !supported.contains(v) || (min == null && rank(v) < rank("TLSv1.2")));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol version between " + (min == null ? "TLSv1.2" : min)
                    + " and " + (max == null ? "TLSv1.3" : max) + " is available");
        }
        p.setProtocols(versions.toArray(String[]::new));
        engine.setSSLParameters(p);
    }

    private @Nullable String selectByCallback(List<String> offered) {
        Value cb = alpnCallback;
        if (cb == null) {
            return null;
        }
        Value r = cb.execute(servername(), offered.toArray(String[]::new));
        if (r == null || r.isNull()) {
            return null;
        }
        String chosen = r.asString();
        return offered.contains(chosen) ? chosen : null;
    }

    private static int rank(String v) {
        return switch (v) {
            case "TLSv1" -> 0;
            case "TLSv1.1" -> 1;
            case "TLSv1.2" -> 2;
            case "TLSv1.3" -> 3;
            default -> throw new IllegalArgumentException("unknown TLS version '" + v + "' (use TLSv1.2 or TLSv1.3)");
        };
    }

    private static @Nullable String string(Value o, String name) {
        Value v = o.getMember(name);
        return v == null || !v.isString() ? null : v.asString();
    }

    private static List<String> strings(Value o, String name) {
        Value v = o.getMember(name);
        List<String> out = new ArrayList<>();
        if (v != null && v.hasArrayElements()) {
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(v.getArrayElement(i).asString());
            }
        }
        return out;
    }

    void verified(String @Nullable [] error) {
        verifiedPeer = true;
        verifyError = error;
    }

    /** Bytes that arrived from the peer. */
    @Export
    public void feed(Value data, int offset, int length) {
        if (netIn.remaining() + length > MAX_BUFFERED) {
            throw new IllegalStateException("TLS input buffer is full");
        }
        ByteBuffer b = ByteBuffer.allocate(netIn.remaining() + length);
        b.put(netIn);
        byte[] in = new byte[length];
        data.readBuffer(offset, in, 0, length);
        b.put(in);
        b.flip();
        netIn = b;
    }

    /** Plaintext to send once the handshake allows. */
    @Export
    public void send(Value data, int offset, int length) {
        if (appOut.size() + length > MAX_BUFFERED) {
            throw new IllegalStateException("TLS output buffer is full");
        }
        byte[] out = new byte[length];
        data.readBuffer(offset, out, 0, length);
        appOut.writeBytes(out);
    }

    /** Starts the close: a close_notify goes out with the next {@link #pump}. */
    @Export
    public void closeOutbound() {
        closingOut = true;
        engine.closeOutbound();
    }

    /** Moves the handshake and the data as far as the bytes at hand allow; returns flags that became true. */
    @Export
    public int pump() {
        if (error != null) {
            return 0;
        }
        int flags = 0;
        try {
            if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && !engine.getSession().isValid()
                    && !handshakeReported) {
                engine.beginHandshake();
            }
            boolean progress = true;
            while (progress) {
                progress = false;
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    for (Runnable t = engine.getDelegatedTask(); t != null; t = engine.getDelegatedTask()) {
                        t.run();
                    }
                    progress = true;
                    continue;
                }
                boolean handshaking = hs != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && hs != SSLEngineResult.HandshakeStatus.FINISHED;
                if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP || (!handshaking && (appOut.size() > 0 || (closingOut && !engine.isOutboundDone())))) {
                    progress |= wrap();
                }
                if ((hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP || !handshaking) && netIn.hasRemaining() && !engine.isInboundDone()) {
                    progress |= unwrap();
                }
                if (!handshakeReported && handshakeComplete()) {
                    handshakeReported = true;
                    flags |= HANDSHAKE_DONE;
                }
            }
        } catch (SSLException | RuntimeException e) {
            error = describe(e);
            // The engine may hold an alert for the peer.
            try {
                engine.closeOutbound();
                wrap();
            } catch (SSLException | RuntimeException ignored) {
                // nothing more to send
            }
            return flags | FAILED;
        }
        if (engine.isInboundDone() && !inboundClosedReported) {
            inboundClosedReported = true;
            flags |= INBOUND_CLOSED;
        }
        if (engine.isOutboundDone() && !outboundClosedReported) {
            outboundClosedReported = true;
            flags |= OUTBOUND_CLOSED;
        }
        return flags;
    }

    private boolean handshakeComplete() {
        SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
        return (hs == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || hs == SSLEngineResult.HandshakeStatus.FINISHED)
                && engine.getSession().isValid() && !engine.getSession().getCipherSuite().startsWith("SSL_NULL");
    }

    private boolean wrap() throws SSLException {
        byte[] pending = appOut.toByteArray();
        ByteBuffer src = ByteBuffer.wrap(pending);
        ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        boolean any = false;
        while (true) {
            SSLEngineResult r = engine.wrap(src, dst);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                dst = ByteBuffer.allocate(dst.capacity() * 2);
                continue;
            }
            if (r.bytesProduced() > 0) {
                netOut.write(dst.array(), 0, dst.position());
                dst.clear();
                any = true;
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED || (r.bytesProduced() == 0 && r.bytesConsumed() == 0)
                    || r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP
                    || r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                any |= r.bytesConsumed() > 0;
                break;
            }
            any |= r.bytesConsumed() > 0;
            if (!src.hasRemaining() && r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                break;
            }
        }
        appOut.reset();
        if (src.hasRemaining()) {
            appOut.write(pending, src.position(), src.remaining());
        }
        return any;
    }

    private boolean unwrap() throws SSLException {
        ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        boolean any = false;
        while (netIn.hasRemaining()) {
            SSLEngineResult r = engine.unwrap(netIn, dst);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                dst = ByteBuffer.allocate(dst.capacity() * 2);
                continue;
            }
            if (dst.position() > 0) {
                appIn.write(dst.array(), 0, dst.position());
                dst.clear();
            }
            any |= r.bytesConsumed() > 0 || r.bytesProduced() > 0;
            if (r.getStatus() != SSLEngineResult.Status.OK || r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP
                    || r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK
                    || r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
                break;
            }
        }
        return any;
    }

    /** Records for the peer, or null. */
    @Export
    public @Nullable ByteBuffer takeNet() {
        return take(netOut);
    }

    /** Plaintext from the peer, or null. */
    @Export
    public @Nullable ByteBuffer takeApp() {
        return take(appIn);
    }

    private static @Nullable ByteBuffer take(ByteArrayOutputStream b) {
        if (b.size() == 0) {
            return null;
        }
        ByteBuffer out = ByteBuffer.wrap(b.toByteArray());
        b.reset();
        return out;
    }

    /** Why the connection failed: {code, message} in OpenSSL's terms where known. */
    @Export
    public String @Nullable [] error() {
        return error == null ? null : error.clone();
    }

    private static String[] describe(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        String alert = null;
        int at = m.indexOf("fatal alert: ");
        if (at >= 0) {
            alert = m.substring(at + "fatal alert: ".length()).trim();
        }
        if (alert != null) {
            String prefix = switch (alert) {
                case "handshake_failure", "bad_certificate", "certificate_unknown", "unsupported_certificate",
                        "certificate_revoked", "certificate_expired", "unexpected_message", "bad_record_mac",
                        "illegal_parameter" -> "SSLV3_ALERT_";
                case "certificate_required" -> "TLSV13_ALERT_";
                default -> "TLSV1_ALERT_";
            };
            String name = prefix + alert.toUpperCase(Locale.ROOT);
            String text = (prefix.startsWith("SSLV3") ? "sslv3 alert " : prefix.startsWith("TLSV13") ? "tlsv13 alert " : "tlsv1 alert ")
                    + alert.replace('_', ' ');
            return new String[] {"ERR_SSL_" + name, text};
        }
        if (m.contains("no cipher suites in common") || m.contains("No appropriate protocol")) {
            return new String[] {"ERR_SSL_NO_SHARED_CIPHER", "no shared cipher (" + m + ")"};
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext connection")) {
            return new String[] {"ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number (" + m + ")"};
        }
        if (m.contains("application protocol")) {
            return new String[] {"ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "tlsv1 alert no application protocol"};
        }
        return new String[] {"ECONNRESET", m};
    }

    // ---- after the handshake ----

    @Export
    public @Nullable String protocol() {
        String p = engine.getSession().getProtocol();
        return p == null || p.equals("NONE") ? null : p;
    }

    @Export
    public @Nullable String cipher() {
        String c = engine.getSession().getCipherSuite();
        return c == null || c.startsWith("SSL_NULL") ? null : c;
    }

    /** The negotiated application protocol, or null. */
    @Export
    public @Nullable String alpn() {
        String a = engine.getApplicationProtocol();
        return a == null || a.isEmpty() ? null : a;
    }

    /** Server: the host name the client asked for (SNI), or null. */
    @Export
    public @Nullable String servername() {
        SSLSession s = engine.getHandshakeSession();
        if (s == null) {
            s = engine.getSession();
        }
        if (s instanceof ExtendedSSLSession es) {
            for (SNIServerName n : es.getRequestedServerNames()) {
                if (n instanceof SNIHostName h) {
                    return h.getAsciiName();
                }
            }
        }
        return null;
    }

    /** The peer chain's verdict: null when trusted (or not verified yet), else {code, message}. */
    @Export
    public String @Nullable [] verifyError() {
        if (!verifiedPeer) {
            return server ? null : new String[] {"UNABLE_TO_GET_ISSUER_CERT", "unable to get issuer certificate"};
        }
        return verifyError;
    }

    /** Whether the peer presented a certificate chain. */
    @Export
    public boolean peerVerified() {
        return verifiedPeer;
    }

    /** The peer's certificate chain as JSON (Node's detailed certificate objects, leaf first), or null. */
    @Export
    public @Nullable String peerCertificates() {
        try {
            return json(engine.getSession().getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Our own certificate chain as JSON, or null. */
    @Export
    public @Nullable String localCertificates() {
        Certificate[] c = engine.getSession().getLocalCertificates();
        return c == null ? null : json(c);
    }

    private static String json(Certificate[] chain) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Certificate c : chain) {
            if (c instanceof X509Certificate x) {
                out.add(certificate(x));
            }
        }
        return toJson(out);
    }

    /** Node's certificate object for {@code x} (raw and pubkey in base64). */
    static Map<String, Object> certificate(X509Certificate x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", names(x.getSubjectX500Principal().getEncoded()));
        m.put("issuer", names(x.getIssuerX500Principal().getEncoded()));
        String alt = altNames(x);
        if (alt != null) {
            m.put("subjectaltname", alt);
        }
        m.put("ca", x.getBasicConstraints() >= 0);
        var pub = x.getPublicKey();
        if (pub instanceof java.security.interfaces.RSAPublicKey rsa) {
            m.put("modulus", rsa.getModulus().toString(16).toUpperCase(Locale.ROOT));
            m.put("bits", rsa.getModulus().bitLength());
            m.put("exponent", "0x" + rsa.getPublicExponent().toString(16));
        } else if (pub instanceof java.security.interfaces.ECPublicKey ec) {
            m.put("bits", ec.getParams().getCurve().getField().getFieldSize());
        }
        m.put("pubkey", Base64.getEncoder().encodeToString(pub.getEncoded()));
        SimpleDateFormat f = new SimpleDateFormat("MMM d HH:mm:ss yyyy 'GMT'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        m.put("valid_from", pad(f.format(x.getNotBefore())));
        m.put("valid_to", pad(f.format(x.getNotAfter())));
        try {
            byte[] der = x.getEncoded();
            m.put("fingerprint", fingerprint("SHA-1", der));
            m.put("fingerprint256", fingerprint("SHA-256", der));
            m.put("fingerprint512", fingerprint("SHA-512", der));
            m.put("raw", Base64.getEncoder().encodeToString(der));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        try {
            List<String> eku = x.getExtendedKeyUsage();
            if (eku != null) {
                m.put("ext_key_usage", eku);
            }
        } catch (CertificateParsingException e) {
            // no readable extended key usage: leave it out
        }
        Map<String, List<String>> info = infoAccess(x);
        if (info != null) {
            m.put("infoAccess", info);
        }
        String serial = x.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        m.put("serialNumber", serial.length() % 2 == 1 ? "0" + serial : serial);
        return m;
    }

    /** Authority information access as OpenSSL names it ("OCSP - URI", "CA Issuers - URI"). */
    private static @Nullable Map<String, List<String>> infoAccess(X509Certificate x) {
        byte[] ext = x.getExtensionValue(org.bouncycastle.asn1.x509.Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        var aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
        for (var d : aia.getAccessDescriptions()) {
            String method = d.getAccessMethod().equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp) ? "OCSP"
                    : d.getAccessMethod().equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers) ? "CA Issuers"
                    : d.getAccessMethod().getId();
            var name = d.getAccessLocation();
            String kind = name.getTagNo() == org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier ? "URI"
                    : name.getTagNo() == org.bouncycastle.asn1.x509.GeneralName.dNSName ? "DNS" : "othername";
            String value = name.getName() instanceof ASN1String str ? str.getString() : name.getName().toString();
            out.computeIfAbsent(method + " - " + kind, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** OpenSSL pads a one-digit day with a space ("Sep  3 ..."). */
    private static String pad(String date) {
        int sp = date.indexOf(' ');
        int sp2 = date.indexOf(' ', sp + 1);
        return sp2 - sp == 2 ? date.substring(0, sp + 1) + " " + date.substring(sp + 1) : date;
    }

    private static String fingerprint(String alg, byte[] der) {
        try {
            byte[] d = MessageDigest.getInstance(alg).digest(der);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02X", b & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> names(byte[] encoded) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RDN rdn : X500Name.getInstance(encoded).getRDNs()) {
            for (AttributeTypeAndValue tv : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier oid = tv.getType();
                String key = oid.equals(BCStyle.EmailAddress) ? "emailAddress" : BCStyle.INSTANCE.oidToDisplayName(oid);
                if (key == null) {
                    key = oid.getId();
                }
                ASN1Encodable v = tv.getValue();
                String value = v instanceof ASN1String s ? s.getString() : v.toString();
                Object prev = m.get(key);
                if (prev == null) {
                    m.put(key, value);
                } else if (prev instanceof List<?> l) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) l;
                    list.add(value);
                } else {
                    List<Object> list = new ArrayList<>();
                    list.add(prev);
                    list.add(value);
                    m.put(key, list);
                }
            }
        }
        return m;
    }

    private static @Nullable String altNames(X509Certificate x) {
        try {
            var names = x.getSubjectAlternativeNames();
            if (names == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (List<?> n : names) {
                int type = (Integer) n.get(0);
                Object v = n.get(1);
                switch (type) {
                    case 1 -> out.add("email:" + v);
                    case 2 -> out.add("DNS:" + v);
                    case 6 -> out.add("URI:" + v);
                    case 7 -> out.add("IP Address:" + v);
                    default -> { }
                }
            }
            return String.join(", ", out);
        } catch (CertificateParsingException e) {
            return null;
        }
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

    static String toJson(Object o) {
        return GSON.toJson(o);
    }
}
