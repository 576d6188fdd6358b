package at.alma.mentoring.platform.graphql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code /graphql} request whose body is larger than
 * {@link GraphQlSettings#maxRequestSize()} with 413, before the JSON is parsed. Tomcat's
 * {@code max-http-form-post-size} covers form posts only, not JSON. A body without a
 * Content-Length (chunked) is read up to the limit and handed on from memory.
 */
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(GraphQlSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response);
			return;
		}
		if (declared >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBytes + 1);
		if (body.length > this.maxBytes) {
			refuse(response);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Connection", "close");
		String body = "{\"errors\":[{\"message\":\"The request body is larger than " + this.maxBytes
				+ " bytes\",\"extensions\":{\"code\":\"REQUEST_TOO_LARGE\"}}]}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int read;
		while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
			out.write(buffer, 0, read);
			total += read;
		}
		return out.toByteArray();
	}

	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BodyInputStream(this.body);
		}

	}

}
