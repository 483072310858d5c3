package vn.thanthien.pilot.summary;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.AuthorizationException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The controller's answers for what the HTTP test cannot provoke: refused reading, a failing reader. */
class ProgrammeSummaryControllerTest {

  static MockMvc with(ProgrammeSummaries reader) {
    return MockMvcBuilders.standaloneSetup(new ProgrammeSummaryController(reader)).build();
  }

  @Test
  void aReadingTheEngineRefusesAnswers403() throws Exception {
    MockMvc mvc = with((province, district) -> {
      throw new AuthorizationException("xa12679", "READ", "ProcessInstance", "42");
    });
    mvc.perform(get("/api/programme/summary")).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value(ProgrammeSummaryController.FORBIDDEN));
  }

  @Test
  void aFailingReaderAnswers500WithoutTheException() throws Exception {
    MockMvc mvc = with((province, district) -> {
      throw new IllegalStateException("secret detail at vn.thanthien.Something");
    });
    mvc.perform(get("/api/programme/summary.xlsx")).andExpect(status().isInternalServerError())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.message").value(ProgrammeSummaryController.FAILED))
        .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
  }

  @Test
  void notAuthenticatedInTheEngineAnswers401WithABasicChallenge() throws Exception {
    MockMvc mvc = with((province, district) -> {
      throw new ProgrammeSummaries.NotAuthenticatedException();
    });
    mvc.perform(get("/api/programme/summary")).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic ")))
        .andExpect(jsonPath("$.message").value("Vui lòng đăng nhập"));
  }
}
