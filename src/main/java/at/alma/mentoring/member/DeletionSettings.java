package at.alma.mentoring.member;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account deletion ({@code deleteMyAccount}).
 *
 * @param refuseAdmins whether an admin's own deletion is refused
 * ({@code ADMIN_CANNOT_DELETE}): the role is handed over first (taken out of
 * {@code MENTORING_ADMIN_EMAILS}), so the platform never loses its last admin by a click
 */
@ConfigurationProperties("mentoring.privacy.deletion")
record DeletionSettings(@DefaultValue("true") boolean refuseAdmins) {

}
