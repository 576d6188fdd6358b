import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny SMTP server for the servers under test: accepts every mail, counts it and forgets it. */
final class SmtpSink {

	final ServerSocket socket;

	final AtomicInteger count = new AtomicInteger();

	SmtpSink(ServerSocket socket) {
		this.socket = socket;
	}

	static SmtpSink start() throws IOException {
		SmtpSink sink = new SmtpSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		Thread t = new Thread(sink::accept, "smtp-sink");
		t.setDaemon(true);
		t.start();
		return sink;
	}

	int port() {
		return this.socket.getLocalPort();
	}

	void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket s = this.socket.accept();
				Thread t = new Thread(() -> session(s));
				t.setDaemon(true);
				t.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	void session(Socket s) {
		try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = s.getOutputStream()) {
			reply(out, "220 bench-sink ESMTP");
			boolean data = false;
			String line;
			while ((line = in.readLine()) != null) {
				if (data) {
					if (line.equals(".")) {
						data = false;
						this.count.incrementAndGet();
						reply(out, "250 OK");
					}
					continue;
				}
				String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
				switch (cmd) {
					case "EHLO" -> reply(out, "250-bench-sink\r\n250 8BITMIME");
					case "DATA" -> {
						data = true;
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
					}
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// client went away
		}
	}

	static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	void stop() throws IOException {
		this.socket.close();
	}

}
