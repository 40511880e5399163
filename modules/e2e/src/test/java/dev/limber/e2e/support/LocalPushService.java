package dev.limber.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the browser's push service, which headless Chromium cannot reach here:
 * its own {@code PushManager.subscribe()} waits for Google's servers and never answers
 * offline. This service hands the page a subscription (an endpoint on loopback and a
 * device key pair made here), takes Limber's push requests there, checks the VAPID
 * signature and decrypts the body as RFC 8291 says a browser does; the journey then gives
 * the plaintext to the browser's service worker through DevTools, as the push service
 * would have.
 */
public final class LocalPushService implements AutoCloseable {

	private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

	private final HttpServer server;

	private final KeyPair device;

	private final byte[] auth = new byte[16];

	private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

	public LocalPushService() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.device = generator.generateKeyPair();
			new SecureRandom().nextBytes(this.auth);
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/push/device", (exchange) -> {
			this.received.add(new Request(exchange.getRequestMethod(),
					exchange.getRequestHeaders().getFirst("Content-Encoding"),
					exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(201, -1);
			exchange.close();
		});
		this.server.start();
	}

	/** What {@code PushSubscription.toJSON()} would give for this device, as JSON. */
	public String subscriptionJson() {
		return "{\"endpoint\":\"" + origin() + "/push/device\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
				+ base64url(uncompressed((ECPublicKey) this.device.getPublic())) + "\",\"auth\":\""
				+ base64url(this.auth) + "\"}}";
	}

	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next message Limber pushed, decrypted, after checking it is an aes128gcm POST
	 * whose VAPID JWT is signed by {@code serverKey} (the key the page subscribed with)
	 * for this service's origin and not expired; fails if none arrives in time.
	 */
	public String awaitMessage(Duration timeout, String serverKey) {
		Request request;
		try {
			request = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (request == null) {
			throw new AssertionError("No push message reached the push service within " + timeout);
		}
		if (!"POST".equals(request.method()) || !"aes128gcm".equals(request.encoding())) {
			throw new AssertionError("Not an RFC 8291 push: " + request.method() + " " + request.encoding());
		}
		try {
			verifyVapid(request.authorization(), serverKey);
			return decrypt(request.body());
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("The push message does not verify or decrypt: " + ex.getMessage(), ex);
		}
	}

	/**
	 * RFC 8292: {@code vapid t=<ES256 JWT>, k=<server key>}, signed by that key, for us.
	 */
	private void verifyVapid(String authorization, String serverKey) throws GeneralSecurityException {
		Matcher vapid = VAPID.matcher(String.valueOf(authorization));
		if (!vapid.find() || !vapid.group(2).equals(serverKey)) {
			throw new GeneralSecurityException("no VAPID authorization with the subscribed key: " + authorization);
		}
		String[] jwt = vapid.group(1).split("\\.");
		Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
		es256.initVerify(publicKey(decode(serverKey)));
		es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		if (!es256.verify(decode(jwt[2]))) {
			throw new GeneralSecurityException("the VAPID JWT's signature does not verify");
		}
		String text = new String(decode(jwt[1]), StandardCharsets.UTF_8);
		JsonObject claims = JsonParser.parseString(text).getAsJsonObject();
		if (!origin().equals(claims.get("aud").getAsString())
				|| Instant.ofEpochSecond(claims.get("exp").getAsLong()).isBefore(Instant.now())) {
			throw new GeneralSecurityException("the VAPID JWT is not for " + origin() + " or has expired: " + text);
		}
	}

	/** RFC 8291 section 3.4 over RFC 8188's single record. */
	private String decrypt(byte[] body) throws GeneralSecurityException {
		ByteBuffer buffer = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		buffer.get(salt);
		buffer.getInt(); // record size
		byte[] senderKey = new byte[buffer.get() & 0xff];
		buffer.get(senderKey);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(this.device.getPrivate());
		agreement.doPhase(publicKey(senderKey), true);
		byte[] receiverKey = uncompressed((ECPublicKey) this.device.getPublic());
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey);
		byte[] ikm = expand(hmac(this.auth, agreement.generateSecret()), keyInfo, 32);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end > 0 && padded[end] == 0) {
			end--;
		}
		if (padded[end] != 2) {
			throw new GeneralSecurityException("not the last record");
		}
		return new String(Arrays.copyOf(padded, end), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Request(String method, String encoding, String authorization, byte[] body) {
	}

	private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		ECPublicKey any = (ECPublicKey) generator.generateKeyPair().getPublic();
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, any.getParams()));
	}

	private static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		copyFixed(key.getW().getAffineX().toByteArray(), out, 1);
		copyFixed(key.getW().getAffineY().toByteArray(), out, 33);
		return out;
	}

	private static void copyFixed(byte[] value, byte[] out, int at) {
		int length = Math.min(value.length, 32);
		System.arraycopy(value, value.length - length, out, at + 32 - length, length);
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	/** HKDF-Expand for one block, all RFC 8291 needs. */
	private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((part) -> part.length).sum());
		Arrays.stream(parts).forEach(buffer::put);
		return buffer.array();
	}

	private static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url);
	}

	private static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
