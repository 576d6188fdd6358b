package at.alma.mentoring.member;

import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import at.alma.mentoring.member.AccountView.AccountStatus;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins look up: members by name or e-mail, role and status, and the record of
 * admin actions, newest first. Offset-scrolled like the other connections.
 */
@Service
@Transactional(readOnly = true)
class AdminQueries {

	private final Members members;

	private final AdminActions actions;

	AdminQueries(Members members, AdminActions actions) {
		this.members = members;
		this.actions = actions;
	}

	Window<AccountView> members(String search, Role role, AccountStatus status, Limit limit, ScrollPosition position) {
		return this.members
			.findBy(filter(search, role, status),
					(query) -> query.sortBy(Sort.by("lastName", "firstName", "id")).limit(limit.max()).scroll(position))
			.map(AccountView::of);
	}

	Window<AdminActionView> actions(Limit limit, ScrollPosition position) {
		Window<AdminAction> page = this.actions.findBy(Specification.unrestricted(),
				(query) -> query.sortBy(Sort.by(Sort.Order.desc("actedAt"), Sort.Order.desc("id")))
					.limit(limit.max())
					.scroll(position));
		return page.map(AdminActionView::of);
	}

	/**
	 * {@code search}: a part of the first name, last name, "first last" or the e-mail
	 * address, case-insensitive.
	 */
	private static Specification<Member> filter(String search, Role role, AccountStatus status) {
		return (root, query, cb) -> {
			Predicate all = cb.conjunction();
			if (search != null && !search.isBlank()) {
				String pattern = "%" + escape(search.strip().toLowerCase(Locale.ROOT)) + "%";
				all = cb.and(all, cb.or(cb.like(cb.lower(root.get("email")), pattern, '\\'),
						cb.like(cb.lower(root.get("firstName")), pattern, '\\'),
						cb.like(cb.lower(root.get("lastName")), pattern, '\\'),
						cb.like(cb.lower(cb.concat(cb.concat(root.get("firstName"), " "), root.get("lastName"))),
								pattern, '\\')));
			}
			if (role != null) {
				all = cb.and(all, cb.isMember(role, root.<java.util.Set<Role>>get("roles")));
			}
			if (status == AccountStatus.SUSPENDED) {
				all = cb.and(all, cb.isNotNull(root.get("suspendedAt")), cb.isNull(root.get("deletedAt")));
			}
			else if (status == AccountStatus.DELETED) {
				all = cb.and(all, cb.isNotNull(root.get("deletedAt")));
			}
			else if (status == AccountStatus.ACTIVE) {
				all = cb.and(all, cb.isNull(root.get("suspendedAt")));
			}
			return all;
		};
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
