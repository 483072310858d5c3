package vn.thanthien.pilot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.survey.SurveyLimits;

/**
 * The benchmark's survey flood phase does what it says, briefly (its figures are the benchmark's,
 * not judged here): it floods Xã Văn Lang's page, counts what the server counted, and times the
 * commune official's Tasklist meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SurveyFloodTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired SurveyLimits limits;

  @Test
  @SuppressWarnings("unchecked")
  void theFloodPhaseRecordsAnswersPerSecondWhatWasCountedAndTasklistMeanwhile() throws Exception {
    limits.forgetAll();
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", "12673",
        CommuneInputs.startInput("12673", "district", "2027-12-31")).getId();
    Map<String, Object> flood = new SurveyFlood(new ApiClient(port), port).run("12673", "xa12673", 2,
        Duration.ofSeconds(3));
    int stored = jdbc.queryForObject("SELECT COUNT(*) FROM PILOT_SURVEY_ANSWER WHERE PROC_INST_ID_ = ?",
        Integer.class, pilot);
    assertThat((int) flood.get("answersSent")).isPositive();
    assertThat(flood.get("answersCounted")).as(flood.toString()).isEqualTo(stored);
    assertThat(((Map<String, Integer>) flood.get("statuses")).keySet()).isSubsetOf("200", "429");
    assertThat(flood).containsKeys("answersPerSecondP50", "answersPerSecondP95", "tasklistP95Millis");
    assertThat(((Map<String, Object>) ((Map<String, Object>) flood.get("tasklistDuringFlood"))
        .get("tasklistFiltersWithCounts")).get("samples")).isNotEqualTo(0);
    limits.forgetAll();
  }
}
