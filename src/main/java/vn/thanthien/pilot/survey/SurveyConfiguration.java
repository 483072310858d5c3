package vn.thanthien.pilot.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import vn.thanthien.pilot.access.DeviceCookies;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/** The survey's questions (read and checked at start) and its limits, keyed by the installation's own key. */
@Configuration
public class SurveyConfiguration {

  /** The engine property (ACT_GE_PROPERTY) holding the key of form tokens and device cookies, shared by a cluster's nodes. */
  static final String KEY_PROPERTY = "pilot.survey.key";

  @Bean
  public SurveyQuestions surveyQuestions(SurveyProperties settings, ResourceLoader loader) {
    Resource resource = loader.getResource(settings.questionsFile());
    try (InputStream in = resource.getInputStream()) {
      return SurveyQuestions.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("pilot.survey.questions-file (PILOT_SURVEY_QUESTIONS_FILE): cannot read "
          + settings.questionsFile() + ": " + e.getMessage(), e);
    }
  }

  @Bean
  public SurveyLimits surveyLimits(ProcessEngine engine, SurveyProperties settings, TimeZoneProperties time) {
    return new SurveyLimits(DeviceCookies.installationKey(engine.getManagementService(), KEY_PROPERTY), settings,
        Clock.systemUTC(), time.timeZone());
  }
}
