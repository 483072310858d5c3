package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static vn.thanthien.pilot.process.DistrictPilotProcessTest.json;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One running {@code pilot-programme} per province and one {@code district-pilot} per district
 * per programme, unless an administrator deliberately starts another.
 */
@Deployment(resources = {"bpmn/pilot-programme.bpmn", "bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn",
    "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/pilot-programme-start.form",
    "bpmn/pilot-programme-districts.form", "bpmn/pilot-programme-final-review.form", "bpmn/pilot-programme-interim-review.form",
    "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form", "bpmn/district-approve-pilots.form",
    "bpmn/district-lessons.form", "bpmn/district-rollout-plan.form", "bpmn/district-final-report.form", "bpmn/district-interim-review.form",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class OneRunningInstanceTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    init(engine.getProcessEngine());
  }

  @AfterEach
  void nobodyLoggedIn() {
    identityService().clearAuthentication();
  }

  private static void as(String user, String group) {
    identityService().setAuthentication(user, List.of(group));
  }

  private static ProcessInstance launch() {
    return runtimeService().startProcessInstanceByKey("pilot-programme",
        PilotProgrammeProcessTest.launch("2023-07-05", "2025-12-31"));
  }

  private static VariableMap hungHaByHand() {
    return Variables.createVariables().putValue("districtCode", "339")
        .putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M");
  }

  @Test
  void theProvinceCannotStartASecondProgrammeWhileOneRunsButAnAdministratorMay() {
    as("tinh34", "province-34");
    ProcessInstance first = launch();
    assertThatThrownBy(OneRunningInstanceTest::launch)
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Tỉnh Thái Bình đang thực hiện đề án số 08-ĐA/TU ngày 05/07/2023")
        .hasMessageContaining("bắt đầu trên hệ thống ngày")
        .hasMessageContaining("quản trị hệ thống");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("pilot-programme").count())
        .isEqualTo(1);

    as("admin", "camunda-admin");
    ProcessInstance second = launch();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("pilot-programme").count())
        .isEqualTo(2);

    // Once no programme of the province runs, the province starts the next one itself.
    runtimeService().deleteProcessInstance(first.getId(), "test");
    runtimeService().deleteProcessInstance(second.getId(), "test");
    as("tinh34", "province-34");
    assertThat(launch()).isNotNull();
  }

  @Test
  void aDistrictCannotRunTwiceInOneProgrammeNorBeStartedAgainByHand() {
    as("tinh34", "province-34");
    ProcessInstance programme = launch();
    complete(task(programme), Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json(List.of("339"))).create()));
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("district-pilot")
        .variableValueEquals("districtCode", "339").count()).isEqualTo(1);

    // started by hand while the programme's Hưng Hà runs
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("district-pilot", "339", hungHaByHand()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Huyện Hưng Hà đã có quy trình thí điểm đang thực hiện thuộc đề án số 08-ĐA/TU")
        .hasMessageContaining("bắt đầu ngày");
    // the same programme starting its districts again: refused even for an administrator
    as("admin", "camunda-admin");
    assertThatThrownBy(() -> runtimeService().createProcessInstanceModification(programme.getId())
        .startBeforeActivity("RunDistricts#multiInstanceBody").execute())
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Huyện Hưng Hà");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("district-pilot").count())
        .isEqualTo(1);

    // another district by hand is fine; an administrator may deliberately start Hưng Hà again
    as("tinh34", "province-34");
    runtimeService().startProcessInstanceByKey("district-pilot", "338", Variables.createVariables()
        .putValue("districtCode", "338").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M"));
    as("admin", "camunda-admin");
    runtimeService().startProcessInstanceByKey("district-pilot", "339", hungHaByHand());
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("district-pilot")
        .variableValueEquals("districtCode", "339").count()).isEqualTo(2);
  }

  /**
   * Two starts at the same moment: the second waits for the first's transaction (the guard takes
   * the engine's exclusive lock) and then sees it, so it is refused rather than slipping through.
   */
  @Test
  void twoSimultaneousStartsGiveOneProgramme() throws Exception {
    // BpmnAwareTests and the registered beans are kept per thread: the starting threads use the
    // engine itself and register the same beans
    org.camunda.bpm.engine.ProcessEngine processEngine = engine.getProcessEngine();
    java.util.Map<String, Object> beans = new java.util.HashMap<>(org.camunda.bpm.engine.test.mock.Mocks.getMocks());
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    java.util.function.Supplier<ProcessInstance> launchAsProvince = () -> {
      beans.forEach(org.camunda.bpm.engine.test.mock.Mocks::register);
      processEngine.getIdentityService().setAuthentication("tinh34", List.of("province-34"));
      try {
        return processEngine.getRuntimeService().startProcessInstanceByKey("pilot-programme",
            PilotProgrammeProcessTest.launch("2023-07-05", "2025-12-31"));
      } finally {
        processEngine.getIdentityService().clearAuthentication();
      }
    };
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
        config.getCommandExecutorTxRequired().execute(context -> {
          launchAsProvince.get();
          firstStarted.countDown();
          await(release);
          return null;
        }));
    assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<ProcessInstance> second = CompletableFuture.supplyAsync(launchAsProvince);
    Thread.sleep(500);
    assertThat(second).as("the second start waits for the first").isNotDone();
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Tỉnh Thái Bình đang thực hiện đề án số 08-ĐA/TU");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("pilot-programme").count())
        .isEqualTo(1);
    // the refused start let go of the lock: a later start on yet another thread does not wait
    CompletableFuture<ProcessInstance> third = CompletableFuture.supplyAsync(() -> {
      beans.forEach(org.camunda.bpm.engine.test.mock.Mocks::register);
      processEngine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
      try {
        return processEngine.getRuntimeService().startProcessInstanceByKey("pilot-programme",
            PilotProgrammeProcessTest.launch("2023-07-05", "2025-12-31"));
      } finally {
        processEngine.getIdentityService().clearAuthentication();
      }
    });
    assertThat(third.get(20, TimeUnit.SECONDS)).isNotNull();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
