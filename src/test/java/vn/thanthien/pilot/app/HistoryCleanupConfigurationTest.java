package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's engine runs removal-time based history cleanup with strategy "end", in a
 * night window of Vietnam time whatever the JVM's zone: the cleanup job is scheduled at engine
 * start for 22:00 Vietnam time (or now, when started inside the window).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class HistoryCleanupConfigurationTest {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;

  @Test
  void cleanupIsRemovalTimeBasedDatedFromTheRootsEndInANightWindowOfVietnamTime() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.isHistoryCleanupEnabled()).isTrue();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00+0700");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");

    List<Job> jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).hasSize(config.getHistoryCleanupDegreeOfParallelism());
    for (Job job : jobs) {
      LocalTime due = job.getDuedate().toInstant().atZone(VIETNAM).toLocalTime();
      assertThat(due.equals(LocalTime.of(22, 0)) || due.isAfter(LocalTime.of(22, 0)) || due.isBefore(LocalTime.of(5, 0)))
          .as("cleanup job due at %s Vietnam time", due).isTrue();
    }
  }
}
