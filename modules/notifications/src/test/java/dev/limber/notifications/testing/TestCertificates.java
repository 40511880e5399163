package dev.limber.notifications.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for this test run, which the application trusts through
 * {@code limber.security.outbound-trust-bundle} as an operator's company CA would be, and
 * the server certificates local HTTPS receivers present: signed by it for 127.0.0.1,
 * signed by it for another name, or signed by a stranger.
 */
public final class TestCertificates {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private static final Authority TRUSTED = new Authority("Limber Test CA");

	private static Path bundle;

	private TestCertificates() {
	}

	/** The PEM file holding the trusted authority's certificate. */
	public static synchronized String bundle() {
		if (bundle == null) {
			try {
				bundle = Files.createTempFile("limber-test-ca", ".pem");
				bundle.toFile().deleteOnExit();
				Files.writeString(bundle, pem(TRUSTED.certificate));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return bundle.toString();
	}

	/** A server that the application trusts, at 127.0.0.1. */
	public static SSLContext trustedServer() {
		return TRUSTED.server(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
	}

	/** Signed by the trusted authority, but for a name that is not the address called. */
	public static SSLContext trustedServerForAnotherName() {
		return TRUSTED.server(new GeneralName(GeneralName.dNSName, "hooks.example"));
	}

	/** At 127.0.0.1, but signed by an authority the application does not know. */
	public static SSLContext strangeServer() {
		return new Authority("Stranger CA").server(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
	}

	private static String pem(X509Certificate certificate) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(certificate);
		}
		return text.toString();
	}

	private static final class Authority {

		private final KeyPair keys = ecKeys();

		private final X500Name name;

		private final X509Certificate certificate;

		Authority(String commonName) {
			this.name = new X500Name("CN=" + commonName);
			this.certificate = sign(this.name, this.keys, this.name, new BasicConstraints(true), null);
		}

		SSLContext server(GeneralName subjectAlternativeName) {
			KeyPair server = ecKeys();
			X509Certificate certificate = sign(new X500Name("CN=receiver"), server, this.name,
					new BasicConstraints(false), new GeneralNames(subjectAlternativeName));
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("receiver", server.getPrivate(), new char[0],
						new X509Certificate[] { certificate, this.certificate });
				KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(store, new char[0]);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(keyManagers.getKeyManagers(), null, null);
				return context;
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer,
				BasicConstraints constraints, GeneralNames alternativeNames) {
			Instant now = Instant.now();
			try {
				X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
						BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
						Date.from(now.plus(Duration.ofDays(2))), subject, subjectKeys.getPublic())
					.addExtension(Extension.basicConstraints, true, constraints);
				if (alternativeNames != null) {
					builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
				}
				ContentSigner signature = new JcaContentSignerBuilder("SHA256withECDSA").build(this.keys.getPrivate());
				return new JcaX509CertificateConverter().getCertificate(builder.build(signature));
			}
			catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static KeyPair ecKeys() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
				return generator.generateKeyPair();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
