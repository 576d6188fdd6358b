package at.alma.mentoring.group;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupTests {

	private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);

	private final UUID anna = UUID.randomUUID();

	private final UUID ben = UUID.randomUUID();

	@Test
	void creatorIsFirstMemberAndLeader() {
		Group.Founded founded = Group.found(this.anna, " Lesekreis ", null, this.clock);
		assertThat(founded.group().getName()).isEqualTo("Lesekreis");
		assertThat(founded.group().getMemberCount()).isEqualTo(1);
		assertThat(founded.creatorAppointed()).isEqualTo(new GroupLeaderAppointed(founded.group().getId(), this.anna));
	}

	@Test
	void lastLeaderCannotLeaveOthersBehind() {
		Group group = Group.found(this.anna, "Lesekreis", null, this.clock).group();
		assertThat(group.join(this.ben, this.clock)).isEmpty();
		assertThatThrownBy(() -> group.leave(this.anna)).isInstanceOf(DomainException.class)
			.extracting("code")
			.isEqualTo("LAST_LEADER");
		group.leave(this.ben);
		group.leave(this.anna);
		assertThat(group.getMemberCount()).isZero();
	}

	@Test
	void appointmentIsAnnouncedOncePerMember() {
		Group group = Group.found(this.anna, "Lesekreis", null, this.clock).group();
		group.join(this.ben, this.clock);
		assertThat(group.appointLeader(this.anna, false, this.ben)).isPresent();
		group.removeLeader(this.anna, false, this.ben);
		assertThat(group.appointLeader(this.anna, false, this.ben)).isEmpty();
	}

	@Test
	void nonLeadersNeitherAppointNorRemove() {
		Group group = Group.found(this.anna, "Lesekreis", null, this.clock).group();
		group.join(this.ben, this.clock);
		assertThatThrownBy(() -> group.appointLeader(this.ben, false, this.ben)).extracting("code")
			.isEqualTo("FORBIDDEN");
		assertThatThrownBy(() -> group.removeLeader(this.ben, false, this.anna)).extracting("code")
			.isEqualTo("FORBIDDEN");
		assertThat(group.appointLeader(this.ben, true, this.ben)).isPresent();
	}

}
