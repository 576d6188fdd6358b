package at.alma.mentoring.workflow;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, except that a password check made for an HTTP
 * request of {@link OperatorLoginThrottle} never locks the user: a wrong password (or an
 * unknown user id) costs the client a token of its bucket instead. A correct password is
 * not counted, also when the user is locked from before (the engine still refuses that
 * login until the lock ends or an operator unlocks it). Checks outside such a request
 * (the application's own, or the webapps' session API of a logged-in operator) keep the
 * engine's lockout.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

	@Override
	public boolean checkPassword(String userId, String password) {
		OperatorLoginThrottle.Attempt attempt = OperatorLoginThrottle.current();
		if (attempt == null) {
			return super.checkPassword(userId, password);
		}
		UserEntity user = (userId != null) ? findUserById(userId) : null;
		if (user == null || password == null || !matchPassword(password, user)) {
			attempt.failed();
			return false;
		}
		attempt.passed();
		if (isUserLocked(user)) {
			return false;
		}
		unlockUser(user);
		return true;
	}

}
