package at.alma.mentoring.programoffice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cockpitUrl Cockpit's address as operators open it; stalled mentorships link to
 * their process instance there
 */
@ConfigurationProperties("mentoring.program-office")
record ProgramOfficeSettings(@DefaultValue("http://localhost:8080/camunda/app/cockpit/default") String cockpitUrl) {
}
