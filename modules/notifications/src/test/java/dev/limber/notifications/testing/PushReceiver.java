package dev.limber.notifications.testing;

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
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service and a browser in one: it answers push requests on loopback (with a
 * status chosen per device) and decrypts what arrived with the device's own keys, as RFC
 * 8291 says a user agent does, written here independently of the library Limber sends
 * with.
 */
public final class PushReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	public PushReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/push/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String device = exchange.getRequestURI().getPath().substring("/push/".length());
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			this.received.add(new Received(device, headers, body));
			exchange.sendResponseHeaders(this.statuses.getOrDefault(device, 201), -1);
			exchange.close();
		});
		this.server.start();
	}

	public String endpoint(String device) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/push/" + device;
	}

	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answer(String device, int status) {
		this.statuses.put(device, status);
	}

	public List<Received> received(String device) {
		return this.received.stream().filter((each) -> each.device().equals(device)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Received(String device, Map<String, String> headers, byte[] body) {
	}

	/** A browser's subscription keys: a P-256 key pair and the 16-byte auth secret. */
	public static final class DeviceKeys {

		final KeyPair pair;

		final byte[] auth = new byte[16];

		public DeviceKeys() throws GeneralSecurityException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.pair = generator.generateKeyPair();
			new SecureRandom().nextBytes(this.auth);
		}

		public String p256dh() {
			return base64url(uncompressed((ECPublicKey) this.pair.getPublic()));
		}

		public String authSecret() {
			return base64url(this.auth);
		}

		/**
		 * RFC 8291 section 3.4 and RFC 8188: the plaintext of an aes128gcm push message
		 * body.
		 */
		public String decrypt(byte[] body) throws GeneralSecurityException {
			ByteBuffer buffer = ByteBuffer.wrap(body);
			byte[] salt = new byte[16];
			buffer.get(salt);
			buffer.getInt(); // record size
			byte[] senderKey = new byte[buffer.get() & 0xff];
			buffer.get(senderKey);
			byte[] ciphertext = new byte[buffer.remaining()];
			buffer.get(ciphertext);

			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(this.pair.getPrivate());
			agreement.doPhase(publicKey(senderKey), true);
			byte[] shared = agreement.generateSecret();
			byte[] receiverKey = uncompressed((ECPublicKey) this.pair.getPublic());
			byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey);
			byte[] ikm = expand(hmac(this.auth, shared), keyInfo, 32);
			byte[] prk = hmac(salt, ikm);
			byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			byte[] padded = cipher.doFinal(ciphertext);
			int end = padded.length - 1;
			while (padded[end] == 0) {
				end--;
			}
			if (padded[end] != 2) {
				throw new GeneralSecurityException("not the last record (delimiter " + padded[end] + ")");
			}
			return new String(Arrays.copyOf(padded, end), StandardCharsets.UTF_8);
		}

	}

	public static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		ECPublicKey any = (ECPublicKey) generator.generateKeyPair().getPublic();
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, any.getParams()));
	}

	static byte[] uncompressed(ECPublicKey key) {
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

	/** HKDF-Expand for at most one block, which is all RFC 8291 needs. */
	private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt((part) -> part.length).sum();
		ByteBuffer buffer = ByteBuffer.allocate(length);
		Arrays.stream(parts).forEach(buffer::put);
		return buffer.array();
	}

	static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
