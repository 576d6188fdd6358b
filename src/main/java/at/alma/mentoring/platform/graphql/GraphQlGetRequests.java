package at.alma.mentoring.platform.graphql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Queries over {@code GET /graphql} as the GraphQL over HTTP specification describes
 * ({@code ?query=…&variables=…&operationName=…&extensions=…}); urql sends queries that
 * way by default. Spring for GraphQL serves POST only, so this filter hands a GET query
 * on as the equivalent JSON POST: security, the operation limits and the error mapping
 * are the same as for POST. A mutation or subscription over GET is refused with 405 (the
 * specification requires it: a GET must not change anything), a URL longer than
 * {@link GraphQlSettings#maxUrlLength()} with 414. Members authenticate with a bearer
 * header, never a cookie, so a cross-site GET cannot act for them. GET answers are
 * {@code Cache-Control: no-store} and {@code Vary: Authorization}: they belong to the
 * token's member and no cache may keep or share them.
 */
class GraphQlGetRequests extends OncePerRequestFilter {

	private final ObjectMapper json;

	private final String path;

	private final long maxUrlLength;

	GraphQlGetRequests(ObjectMapper json, String path, GraphQlSettings settings) {
		this.json = json;
		this.path = path;
		this.maxUrlLength = settings.maxUrlLength().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !this.path.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
		String queryString = request.getQueryString();
		long urlLength = request.getRequestURI().length() + ((queryString != null) ? queryString.length() + 1 : 0);
		if (urlLength > this.maxUrlLength) {
			refuse(response, HttpStatus.URI_TOO_LONG, "URL_TOO_LONG", "The URL is longer than " + this.maxUrlLength
					+ " characters; send the operation as POST with a JSON body");
			return;
		}
		String query = request.getParameter("query");
		String operationName = request.getParameter("operationName");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (operationName != null && !operationName.isEmpty()) {
			body.put("operationName", operationName);
		}
		for (String name : List.of("variables", "extensions")) {
			String text = request.getParameter(name);
			if (text == null || text.isEmpty()) {
				continue;
			}
			JsonNode value = parseObject(text);
			if (value == null) {
				refuse(response, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
						"The parameter " + name + " must be a JSON object");
				return;
			}
			body.put(name, value);
		}
		String refused = refusedOperation(query, operationName);
		if (refused != null) {
			response.setHeader(HttpHeaders.ALLOW, "POST");
			refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
					"A " + refused + " cannot be sent with GET; send it as POST");
			return;
		}
		chain.doFilter(new JsonPost(request, this.json.writeValueAsBytes(body)), response);
	}

	private JsonNode parseObject(String text) {
		try {
			JsonNode value = this.json.readTree(text);
			return (value != null && value.isObject()) ? value : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The kind of the operation the request would run when it is not a query; null for a
	 * query, and when the document does not parse or does not name one operation (the
	 * execution reports that as for POST).
	 */
	private static String refusedOperation(String query, String operationName) {
		if (query == null || query.isBlank()) {
			return null;
		}
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (RuntimeException ex) {
			return null;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition selected = null;
		if (operationName != null && !operationName.isEmpty()) {
			selected = operations.stream()
				.filter((operation) -> operationName.equals(operation.getName()))
				.findFirst()
				.orElse(null);
		}
		else if (operations.size() == 1) {
			selected = operations.get(0);
		}
		if (selected == null || selected.getOperation() == OperationDefinition.Operation.QUERY) {
			return null;
		}
		return selected.getOperation().name().toLowerCase(Locale.ROOT);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String code, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("code", code, "classification", "BAD_REQUEST"));
		response.getOutputStream().write(this.json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

	/** The GET as the POST of a JSON body. */
	private static final class JsonPost extends HttpServletRequestWrapper {

		private static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

		private final byte[] body;

		JsonPost(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public String getMethod() {
			return "POST";
		}

		@Override
		public String getContentType() {
			return CONTENT_TYPE;
		}

		@Override
		public String getCharacterEncoding() {
			return StandardCharsets.UTF_8.name();
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
		public String getHeader(String name) {
			if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
				return CONTENT_TYPE;
			}
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				return String.valueOf(this.body.length);
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String own = (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
					|| HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) ? getHeader(name) : null;
			return (own != null) ? Collections.enumeration(List.of(own)) : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>();
			for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
				String name = e.nextElement();
				if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
						&& !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
					names.add(name);
				}
			}
			names.add(HttpHeaders.CONTENT_TYPE);
			names.add(HttpHeaders.CONTENT_LENGTH);
			return Collections.enumeration(names);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BodyInputStream(this.body);
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
