package vn.thanthien.pilot.history;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.thanthien.pilot.contract.SubmissionContractPlugin;
import vn.thanthien.pilot.forms.FormInputValidator;
import vn.thanthien.pilot.incidents.IncidentMessagesPlugin;

/**
 * Plain engines of their own (own name, own in-memory H2 database) for history tests, set up as
 * camunda-process-test.cfg.xml but with a chosen removal-time strategy. Their own, so that
 * history cleanup jobs and a moved clock never meet the engine the other process tests share.
 */
final class HistoryEngines {

  /** Every model and form of the programme, district and commune pilots. */
  static final List<String> MODELS = List.of("bpmn/pilot-programme.bpmn", "bpmn/pilot-programme-start.form",
      "bpmn/pilot-programme-districts.form", "bpmn/pilot-programme-final-review.form", "bpmn/pilot-programme-interim-review.form", "bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn",
      "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/district-pilot-start.form",
      "bpmn/district-select-pilots.form", "bpmn/district-approve-pilots.form", "bpmn/district-lessons.form",
      "bpmn/district-rollout-plan.form", "bpmn/district-final-report.form", "bpmn/district-interim-review.form", "bpmn/commune-pilot-start.form",
      "bpmn/commune-plan.form", "bpmn/commune-plan-review.form", "bpmn/commune-launch.form",
      "bpmn/commune-report.form", "bpmn/commune-self-assessment.form", "bpmn/commune-appraisal.form",
      "bpmn/commune-recognition.form", "bpmn/commune-remediation.form", "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form");

  private HistoryEngines() {}

  /**
   * An engine with history level full, removal-time based cleanup and the given
   * {@code historyRemovalTimeStrategy} ("end" or "start"; "none": end-time based cleanup, no
   * removal times), the models deployed.
   */
  static ProcessEngine start(String name, String removalTimeStrategy) {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    config.setDatabaseSchemaUpdate("true");
    config.setJobExecutorActivate(false);
    config.setHistory("full");
    config.setDefaultSerializationFormat("application/json");
    config.setEnforceHistoryTimeToLive(true);
    config.setExpressionManager(new MockExpressionManager());
    // "none" is refused with removal-time based cleanup: the floor runs end-time based cleanup,
    // which writes no removal time at all.
    config.setHistoryCleanupStrategy("none".equals(removalTimeStrategy) ? "endTimeBased" : "removalTimeBased");
    config.setHistoryRemovalTimeStrategy(removalTimeStrategy);
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new IncidentMessagesPlugin(),
        new SubmissionContractPlugin(new FormInputValidator())));
    ProcessEngine engine = config.buildProcessEngine();
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder deployment = repository.createDeployment().name("history-test");
    MODELS.forEach(deployment::addClasspathResource);
    deployment.deploy();
    return engine;
  }
}
