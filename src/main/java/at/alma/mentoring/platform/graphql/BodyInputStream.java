package at.alma.mentoring.platform.graphql;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body held in memory, as the servlet input stream of a wrapped request (the
 * size limit's buffered body, a GET query passed on as a JSON POST).
 */
final class BodyInputStream extends ServletInputStream {

	private final ByteArrayInputStream in;

	BodyInputStream(byte[] body) {
		this.in = new ByteArrayInputStream(body);
	}

	@Override
	public int read() {
		return this.in.read();
	}

	@Override
	public int read(byte[] b, int off, int len) {
		return this.in.read(b, off, len);
	}

	@Override
	public boolean isFinished() {
		return this.in.available() == 0;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setReadListener(ReadListener listener) {
		throw new UnsupportedOperationException();
	}

}
