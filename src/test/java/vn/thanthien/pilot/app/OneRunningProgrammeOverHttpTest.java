package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP: the province starts its programme; starting it again while it runs answers
 * 400 with the Vietnamese reason; an administrator may deliberately start another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OneRunningProgrammeOverHttpTest {

  static final String START = "/engine-rest/process-definition/key/pilot-programme/start";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  /** Other tests of this shared database may have left a programme running. */
  @BeforeEach
  @AfterEach
  void noProgrammeRuns() {
    for (ProcessInstance programme : runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").list()) {
      runtime.deleteProcessInstance(programme.getId(), "test: one running programme");
    }
  }

  private ResponseEntity<String> start(String user) {
    Map<String, Object> variables = Map.of(
        "programmeTitle", Map.of("value", "Chính quyền thân thiện vì nhân dân phục vụ"),
        "decisionNumber", Map.of("value", "08-ĐA/TU"), "decisionDate", Map.of("value", "2023-07-05"),
        "periodStart", Map.of("value", "2023-07-05"), "periodEnd", Map.of("value", "2025-12-31"),
        "reportCycle", Map.of("value", "P3M"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "ThanThien@2023");
    return http.postForEntity("http://localhost:" + port + START,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }

  @Test
  void theProvinceStartsOnceAndAnAdministratorMayStartAnother() throws Exception {
    assertThat(start("tinh34").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> again = start("tinh34");
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(again.getBody()).path("message").asText())
        .contains("Tỉnh Thái Bình đang thực hiện đề án số 08-ĐA/TU ngày 05/07/2023")
        .contains("đề nghị quản trị hệ thống khởi động");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count()).isEqualTo(1);

    assertThat(start("admin").getStatusCode().value()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count()).isEqualTo(2);
  }
}
