package at.alma.mentoring.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code recommendedMentors} picks and orders mentors (defaults in
 * {@code docs/api.md}, "Recommendations"). Each part of the score is a share between 0
 * and 1 times its weight; a weight of 0 switches the part off.
 *
 * @param declineCoolDown how long a mentor who declined a mentee's request is not
 * recommended to that mentee again
 * @param maxFirst the largest {@code first} a caller may ask for
 * @param zoneHorizonHours from this difference between the two time zones' current
 * offsets on, the zone part is 0 (at 0 hours it is 1, linear in between)
 * @param engagementSaturation meetings held as mentor (both sides confirmed) from which
 * on the engagement part is 1
 * @param weights the weight of each part
 */
@ConfigurationProperties("mentoring.recommendations")
record RecommendationSettings(@DefaultValue("P90D") Duration declineCoolDown, @DefaultValue("50") int maxFirst,
		@DefaultValue("12") int zoneHorizonHours, @DefaultValue("20") int engagementSaturation,
		@DefaultValue Weights weights) {

	RecommendationSettings {
		if (declineCoolDown.isNegative() || maxFirst < 1 || zoneHorizonHours < 1 || engagementSaturation < 1) {
			throw new IllegalArgumentException(
					"mentoring.recommendations: decline-cool-down must not be negative; max-first, zone-horizon-hours and engagement-saturation must be at least 1");
		}
	}

	/**
	 * @param topics shared topics, as a share of the mentee's topics
	 * @param fields shared fields, as a share of the mentee's fields
	 * @param languages 1 when the two share at least one language
	 * @param meetingKinds the mentee's meeting kinds the mentor offers, as a share
	 * @param zone closeness of the time zones (see {@code zoneHorizonHours})
	 * @param engagement meetings held as mentor (see {@code engagementSaturation})
	 */
	record Weights(@DefaultValue("4") double topics, @DefaultValue("2") double fields,
			@DefaultValue("2") double languages, @DefaultValue("1") double meetingKinds, @DefaultValue("1") double zone,
			@DefaultValue("1") double engagement) {

		Weights {
			if (topics < 0 || fields < 0 || languages < 0 || meetingKinds < 0 || zone < 0 || engagement < 0) {
				throw new IllegalArgumentException("mentoring.recommendations.weights must not be negative");
			}
		}

	}

}
