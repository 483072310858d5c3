package vn.thanthien.pilot.commune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

class CommuneDisplayTextsTest {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  static Map<String, Object> run(Map<String, Object> given) {
    Map<String, Object> variables = new HashMap<>(given);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
    new CommuneDisplayTexts(new TimeZoneProperties(VIETNAM)).notify(execution);
    return variables;
  }

  @Test
  void datesAreWrittenDayMonthYear() {
    Date endOfPeriod = Date.from(ZonedDateTime.of(2025, 12, 31, 0, 0, 0, 0, VIETNAM).toInstant());
    Map<String, Object> variables = run(Map.of("plannedLaunchDate", "2025-03-05", "periodEnd", endOfPeriod));
    assertThat(variables).containsEntry("plannedLaunchDateText", "05/03/2025").containsEntry("periodEndText", "31/12/2025");
  }

  @Test
  void numbersAreWrittenWithADecimalComma() {
    Map<String, Object> variables = run(Map.of("totalScore", 87.5, "selfArea1", 19L, "selfArea2", 17.5));
    assertThat(variables).containsEntry("totalScoreText", "87,5").containsEntry("selfArea1Text", "19")
        .containsEntry("selfArea2Text", "17,5");
  }

  @Test
  void absentOrMalformedValuesWriteNothing() {
    Map<String, Object> variables = run(Map.of("plannedLaunchDate", "05/03/2025", "totalScore", "87.5"));
    assertThat(variables).doesNotContainKeys("plannedLaunchDateText", "totalScoreText", "periodEndText", "selfArea1Text");
  }
}
