package at.alma.mentoring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;

/**
 * The GraphQL documents of the tests: {@code graphql-test/<name>.graphql}, as Spring's
 * tester finds them, with the fragments they spread appended from
 * {@code graphql-test/fragments/<Fragment>.graphql}. A field selection several documents
 * ask for (a meeting, a mentorship, an agreement) is so written once.
 */
final class TestDocuments implements DocumentSource {

	private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z]\\w*)");

	private final DocumentSource files = new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
			ResourceDocumentSource.FILE_EXTENSIONS);

	@Override
	public Mono<String> getDocument(String name) {
		return this.files.getDocument(name).map(this::withFragments);
	}

	private String withFragments(String document) {
		StringBuilder text = new StringBuilder(document);
		Set<String> added = new LinkedHashSet<>();
		boolean grown = true;
		while (grown) {
			grown = false;
			Matcher spread = SPREAD.matcher(text.toString());
			while (spread.find()) {
				String fragment = spread.group(1);
				if (added.add(fragment)) {
					text.append('\n').append(this.files.getDocument("fragments/" + fragment).block());
					grown = true;
				}
			}
		}
		return text.toString();
	}

}
