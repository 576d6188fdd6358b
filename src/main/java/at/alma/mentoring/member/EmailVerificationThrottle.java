package at.alma.mentoring.member;

import java.util.UUID;

import io.github.bucket4j.distributed.BucketProxy;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.throttle.ThrottleBuckets;
import at.alma.mentoring.throttle.ThrottleBuckets.Allowance;

import org.springframework.stereotype.Component;

/**
 * Bounds the verification mails a member can cause ({@code requestEmailVerification},
 * {@code changeEmail}), per member and per client address: the throttle module's buckets
 * in the database, shared by all app instances.
 */
@Component
class EmailVerificationThrottle {

	private final ThrottleBuckets buckets;

	private final Allowance perMember;

	private final Allowance perClient;

	EmailVerificationThrottle(ThrottleBuckets buckets, EmailVerificationSettings settings) {
		this.buckets = buckets;
		this.perMember = buckets.allowance(settings.requestsPerMember(), settings.window());
		this.perClient = buckets.allowance(settings.requestsPerClient(), settings.window());
	}

	/** Takes a mail from the member's and the client's allowance, or refuses. */
	void request(UUID memberId, String clientAddress) {
		BucketProxy client = this.buckets.bucket("verify-client:" + clientAddress, this.perClient);
		BucketProxy member = this.buckets.bucket("verify-member:" + memberId, this.perMember);
		if (!client.tryConsume(1) || !member.tryConsume(1)) {
			throw DomainException.refused("TOO_MANY_VERIFICATION_REQUESTS",
					"Too many verification mails asked for; wait a while and try again");
		}
	}

	/** Forgets the member's bucket (a deleted account). */
	void forget(UUID memberId) {
		this.buckets.forget("verify-member:" + memberId, this.perMember);
	}

}
