package dev.limber.kernel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A port free at the moment, for a server a test starts and must name beforehand. */
public final class FreePorts {

	private FreePorts() {
	}

	public static int any() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
