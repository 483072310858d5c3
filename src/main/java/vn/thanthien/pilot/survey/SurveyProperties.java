package vn.thanthien.pilot.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the citizens' survey ({@code pilot.survey} in {@code application.yaml}, README
 * "Khảo sát sự hài lòng / Citizens' survey").
 *
 * @param questionsFile the questions and the scale ({@code PILOT_SURVEY_QUESTIONS_FILE})
 * @param publicBaseUrl the address citizens reach the application at ({@code PILOT_PUBLIC_BASE_URL}):
 *     the start of the poster's QR code
 * @param maxBody the largest answer body accepted (413 beyond, nothing read)
 * @param formLifetime how long a page's form may be sent after it was served
 * @param perAddressPerHour answers accepted per client address (IPv6: per /64) and hour
 * @param perCommunePerHour answers accepted per commune and hour, from all addresses
 * @param flagFromPerAddress an answer from an address that already gave this many in the hour is
 *     counted and flagged to the district as possible stuffing
 * @param quickestHuman an answer sent sooner than this after its page was served is flagged too
 */
@ConfigurationProperties(prefix = "pilot.survey")
public record SurveyProperties(String questionsFile, String publicBaseUrl, DataSize maxBody, Duration formLifetime,
    int perAddressPerHour, int perCommunePerHour, int flagFromPerAddress, Duration quickestHuman) {

  public SurveyProperties {
    if (questionsFile == null || questionsFile.isBlank()) {
      throw new IllegalArgumentException("pilot.survey.questions-file must name the survey's questions");
    }
    if (publicBaseUrl == null || !publicBaseUrl.matches("https?://[^\\s?#]+")) {
      throw new IllegalArgumentException("pilot.survey.public-base-url (PILOT_PUBLIC_BASE_URL) must be an http or "
          + "https address without query, e.g. https://thanthien.hungyen.gov.vn: " + publicBaseUrl);
    }
    publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    if (maxBody == null || maxBody.toBytes() < 256 || maxBody.toBytes() > 64 * 1024) {
      throw new IllegalArgumentException("pilot.survey.max-body must be between 256B and 64KB");
    }
    if (formLifetime == null || formLifetime.toMinutes() < 1) {
      throw new IllegalArgumentException("pilot.survey.form-lifetime must be at least 1 minute");
    }
    if (perAddressPerHour < 1 || perCommunePerHour < 1 || flagFromPerAddress < 1) {
      throw new IllegalArgumentException("pilot.survey.per-address-per-hour, per-commune-per-hour and "
          + "flag-from-per-address must be at least 1");
    }
    if (quickestHuman == null || quickestHuman.isNegative()) {
      throw new IllegalArgumentException("pilot.survey.quickest-human must not be negative");
    }
  }
}
