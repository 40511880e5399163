package dev.limber.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between Limber and PostgreSQL that a test can break the way networks and
 * databases break: {@link #cut()} closes every connection and refuses new ones, its port
 * closed (a stopped or restarting database), {@link #stall()} keeps connections open but forwards nothing (a
 * frozen database or a network partition), {@link #restore()} heals it.
 */
public final class FaultyProxy implements AutoCloseable {

	public enum Mode {

		FORWARD, CUT, STALL

	}

	private volatile ServerSocket listener;

	private final int port;

	private final int targetPort;

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FORWARD);

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object resumed = new Object();

	private FaultyProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.port = listen(0);
	}

	private int listen(int port) throws IOException {
		ServerSocket listener = new ServerSocket();
		listener.setReuseAddress(true);
		listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
		this.listener = listener;
		Thread accepting = new Thread(() -> accept(listener), "faulty-proxy-accept");
		accepting.setDaemon(true);
		accepting.start();
		return listener.getLocalPort();
	}

	public static FaultyProxy to(int targetPort) throws IOException {
		return new FaultyProxy(targetPort);
	}

	public int port() {
		return this.port;
	}

	/** Closes every connection and the port: new connections are refused. */
	public void cut() throws IOException {
		this.mode.set(Mode.CUT);
		this.listener.close();
		this.sockets.forEach(FaultyProxy::closeQuietly);
		this.sockets.clear();
	}

	/** Forwards nothing, in either direction, until {@link #restore()}; nothing is closed. */
	public void stall() {
		this.mode.set(Mode.STALL);
	}

	public void restore() throws IOException {
		if (this.listener.isClosed()) {
			listen(this.port);
		}
		this.mode.set(Mode.FORWARD);
		synchronized (this.resumed) {
			this.resumed.notifyAll();
		}
	}

	private void accept(ServerSocket listener) {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// closed listener, or the database itself refused: the client sees a closed connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					awaitForwarding();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed: close the other too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "faulty-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitForwarding() throws InterruptedException, IOException {
		synchronized (this.resumed) {
			while (this.mode.get() == Mode.STALL) {
				this.resumed.wait(100);
			}
		}
		if (this.mode.get() == Mode.CUT) {
			throw new IOException("cut");
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.sockets.forEach(FaultyProxy::closeQuietly);
	}

}
