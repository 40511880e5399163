package dev.limber.organizations.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * The certificate authorities outbound calls trust: the JDK's, plus those of an
 * operator's PEM bundle (a company CA in front of its identity provider, a test's own
 * CA). A bundle that cannot be read or holds no certificate stops the start rather than
 * trusting less than meant.
 */
final class OutboundTrust {

	private OutboundTrust() {
	}

	static SslContext withBundle(Path bundle) {
		try (InputStream pem = Files.newInputStream(bundle)) {
			List<X509Certificate> trusted = new ArrayList<>(Arrays.asList(jdkAuthorities()));
			int before = trusted.size();
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
				trusted.add((X509Certificate) certificate);
			}
			if (trusted.size() == before) {
				throw new IllegalStateException(
						"limber.security.outbound-trust-bundle " + bundle + " holds no PEM certificate");
			}
			return SslContextBuilder.forClient().trustManager(trusted).build();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("limber.security.outbound-trust-bundle " + bundle + " cannot be read", ex);
		}
	}

	private static X509Certificate[] jdkAuthorities() throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509.getAcceptedIssuers();
			}
		}
		return new X509Certificate[0];
	}

}
