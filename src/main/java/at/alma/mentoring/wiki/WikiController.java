package at.alma.mentoring.wiki;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.platform.SingleLine;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class WikiController {

	private final Wiki wiki;

	private final WikiQueries queries;

	private final CurrentMember currentMember;

	WikiController(Wiki wiki, WikiQueries queries, CurrentMember currentMember, BatchLoaderRegistry batchLoaders) {
		this.wiki = wiki;
		this.queries = queries;
		this.currentMember = currentMember;
		// averageRating and ratingCount share one loader: one aggregate query per request
		batchLoaders.forTypePair(UUID.class, RatingSummary.class)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> queries.ratings(ids)));
	}

	@QueryMapping
	Window<ArticleView> articles(@Argument String topic, @Argument String search, ScrollSubrange subrange) {
		this.currentMember.id();
		return this.queries.articles(topic, search, Paging.limit(subrange), Paging.position(subrange));
	}

	@QueryMapping
	ArticleView article(@Argument UUID id) {
		this.currentMember.id();
		return this.queries.article(id);
	}

	@MutationMapping
	ArticlePayload createArticle(@Argument @Valid CreateArticleInput input) {
		UUID caller = this.currentMember.id();
		return new ArticlePayload(
				this.wiki.create(caller, new ArticleContent(input.title(), input.body(), input.topics())));
	}

	@MutationMapping
	ArticlePayload reviseArticle(@Argument @Valid ReviseArticleInput input) {
		UUID caller = this.currentMember.id();
		return new ArticlePayload(this.wiki.revise(caller, input.articleId(), input.title(), input.body(),
				input.topics(), input.note(), input.baseRevision()));
	}

	@MutationMapping
	ArticlePayload rateArticle(@Argument RateArticleInput input) {
		UUID caller = this.currentMember.id();
		return new ArticlePayload(this.wiki.rate(caller, input.articleId(), input.stars()));
	}

	/** Authors as every member may see them (the schema asks for id and display name). */
	@SchemaMapping(typeName = "Article", field = "author")
	CompletableFuture<Participant> author(ArticleView article, DataLoader<UUID, Participant> participants) {
		return participants.load(article.authorId());
	}

	@SchemaMapping(typeName = "ArticleRevision", field = "author")
	CompletableFuture<Participant> revisionAuthor(RevisionView revision, DataLoader<UUID, Participant> participants) {
		return participants.load(revision.authorId());
	}

	@BatchMapping(typeName = "Article", field = "currentRevision")
	Map<ArticleView, RevisionView> currentRevision(List<ArticleView> articles) {
		Map<UUID, RevisionView> revisions = this.queries
			.revisionsById(articles.stream().map(ArticleView::currentRevisionId).collect(Collectors.toSet()));
		return articles.stream()
			.collect(Collectors.toMap(Function.identity(), (article) -> revisions.get(article.currentRevisionId()),
					(a, b) -> a));
	}

	@SchemaMapping(typeName = "Article", field = "revisions")
	Window<RevisionView> revisions(ArticleView article, ScrollSubrange subrange) {
		return this.queries.revisions(article.id(), Paging.limit(subrange), Paging.position(subrange));
	}

	@SchemaMapping(typeName = "Article", field = "averageRating")
	CompletableFuture<Double> averageRating(ArticleView article, DataLoader<UUID, RatingSummary> ratings) {
		return ratings.load(article.id()).thenApply(RatingSummary::average);
	}

	@SchemaMapping(typeName = "Article", field = "ratingCount")
	CompletableFuture<Long> ratingCount(ArticleView article, DataLoader<UUID, RatingSummary> ratings) {
		return ratings.load(article.id()).thenApply(RatingSummary::count);
	}

	@BatchMapping(typeName = "Article", field = "myRating")
	Map<ArticleView, Integer> myRating(List<ArticleView> articles) {
		Map<UUID, Integer> stars = this.queries.starsBy(this.currentMember.id(),
				articles.stream().map(ArticleView::id).collect(Collectors.toSet()));
		return articles.stream()
			.filter((article) -> stars.containsKey(article.id()))
			.collect(Collectors.toMap(Function.identity(), (article) -> stars.get(article.id()), (a, b) -> a));
	}

	record CreateArticleInput(@SingleLine String title, String body, List<@SingleLine String> topics) {
	}

	record ReviseArticleInput(UUID articleId, @SingleLine String title, String body, List<@SingleLine String> topics,
			@SingleLine String note, Integer baseRevision) {
	}

	record RateArticleInput(UUID articleId, int stars) {
	}

	record ArticlePayload(ArticleView article) {
	}

}
