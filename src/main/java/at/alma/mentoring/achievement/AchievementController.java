package at.alma.mentoring.achievement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.achievement.AchievementViews.Mine;
import at.alma.mentoring.achievement.AchievementViews.OfMe;
import at.alma.mentoring.achievement.AchievementViews.OfMember;
import at.alma.mentoring.achievement.AchievementViews.Partner;
import at.alma.mentoring.achievement.AchievementViews.Public;
import at.alma.mentoring.achievement.AchievementViews.Recent;
import at.alma.mentoring.achievement.AchievementViews.Total;
import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberRef;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.Paging;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class AchievementController {

	static final int MAX_RECENT = 20;

	/** Totals of many members: one loader, one query per request. */
	private static final String TOTALS = "achievementTotals";

	private static final String RECENT = "recentAchievements";

	private final AchievementQueries queries;

	private final MemberDirectory members;

	private final CurrentMember currentMember;

	AchievementController(AchievementQueries queries, MemberDirectory members, CurrentMember currentMember,
			BatchLoaderRegistry batchLoaders) {
		this.queries = queries;
		this.members = members;
		this.currentMember = currentMember;
		batchLoaders.<UUID, List<Total>>forName(TOTALS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> queries.totals(ids)));
		batchLoaders.<Recent, List<Public>>forName(RECENT)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> queries.recent(keys)));
	}

	/** Me is always the caller's own profile. */
	@SchemaMapping(typeName = "Me", field = "achievements")
	OfMe myAchievements(MemberRef me) {
		return new OfMe(me.id());
	}

	@SchemaMapping(typeName = "Member", field = "achievements")
	OfMember memberAchievements(MemberRef member) {
		return new OfMember(member.id());
	}

	@SchemaMapping(typeName = "MyAchievements", field = "totals")
	CompletableFuture<List<Total>> myTotals(OfMe achievements, DataLoader<UUID, List<Total>> achievementTotals) {
		return achievementTotals.load(achievements.memberId());
	}

	@SchemaMapping(typeName = "MyAchievements", field = "items")
	Window<Mine> items(OfMe achievements, ScrollSubrange subrange) {
		return this.queries.mine(achievements.memberId(), Paging.limit(subrange), Paging.position(subrange));
	}

	@SchemaMapping(typeName = "PublicAchievements", field = "totals")
	CompletableFuture<List<Total>> publicTotals(OfMember achievements,
			DataLoader<UUID, List<Total>> achievementTotals) {
		return achievementTotals.load(achievements.memberId());
	}

	@SchemaMapping(typeName = "PublicAchievements", field = "recent")
	CompletableFuture<List<Public>> recent(OfMember achievements, @Argument Integer limit,
			DataLoader<Recent, List<Public>> recentAchievements) {
		int count = (limit != null) ? limit : 5;
		if (count < 1 || count > MAX_RECENT) {
			throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_RECENT);
		}
		return recentAchievements.load(new Recent(achievements.memberId(), count));
	}

	@BatchMapping(typeName = "Achievement", field = "partner")
	Map<Mine, Partner> partner(List<Mine> achievements) {
		return partners(achievements, Mine::partnerId);
	}

	@BatchMapping(typeName = "PublicAchievement", field = "partner")
	Map<Public, Partner> publicPartner(List<Public> achievements) {
		return partners(achievements, Public::partnerId);
	}

	private <T> Map<T, Partner> partners(List<T> items, Function<T, UUID> partnerId) {
		Map<UUID, MemberSummary> summaries = this.members
			.findAll(items.stream().map(partnerId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return items.stream()
			.filter((item) -> partnerId.apply(item) != null && summaries.containsKey(partnerId.apply(item)))
			.collect(Collectors.toMap(Function.identity(), (item) -> {
				MemberSummary partner = summaries.get(partnerId.apply(item));
				return new Partner(partner.id(), partner.displayName());
			}, (a, b) -> a));
	}

}
