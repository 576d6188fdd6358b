package at.alma.mentoring.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.date;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The certificate module's contribution to a member's export: the member's certificates
 * ({@code certificates}) and their PDFs as issued ({@code certificates/<id>.pdf}). One
 * statement.
 */
@Component
class CertificatePersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final CertificateIssuing issuing;

	CertificatePersonalData(JdbcClient jdbc, CertificateIssuing issuing) {
		this.jdbc = jdbc;
		this.issuing = issuing;
	}

	/** See {@link CertificateIssuing#erase}. */
	@Override
	public void erase(UUID memberId) {
		this.issuing.erase(memberId);
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		List<CertificateSection> certificates = this.jdbc.sql("""
				select c.*, d.content from certificates c
				left join certificate_documents d on d.certificate_id = c.id
				where c.member_id = :member order by c.created_at, c.id""")
			.param("member", memberId.toString())
			.query((row, n) -> {
				UUID id = uuid(row, "id");
				byte[] pdf = row.getBytes("content");
				String path = null;
				if (pdf != null) {
					path = "certificates/" + id + ".pdf";
					archive.document(path, pdf);
				}
				return new CertificateSection(id, uuid(row, "mentorship_id"), row.getString("role"),
						row.getString("holder_name"), row.getString("other_name"), date(row, "period_start"),
						date(row, "period_end"), row.getInt("meetings_held"), date(row, "issued_on"),
						row.getString("language"), row.getString("verification_code"), path);
			})
			.list();
		archive.section("certificates", certificates);
	}

	record CertificateSection(UUID id, UUID mentorshipId, String role, String holderName, String otherName,
			LocalDate periodStart, LocalDate periodEnd, int meetingsHeld, LocalDate issuedOn, String language,
			String verificationCode, String document) {
	}

}
