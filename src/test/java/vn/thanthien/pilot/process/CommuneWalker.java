package vn.thanthien.pilot.process;

import static vn.thanthien.pilot.process.CommuneInputs.*;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Plays the officials of one running {@code commune-pilot} instance to its end: plan approved,
 * launched, every periodic report filed, scored and appraised, recognised, lessons drawn. It
 * records which group each appraisal was offered to.
 */
public class CommuneWalker {

  private final TaskService tasks;
  private final ManagementService management;
  private final Officials officials;

  public CommuneWalker(ProcessEngine engine) {
    this(engine, Officials.onTheEngine(engine, false));
  }

  /** A walker whose tasks are completed by these officials. */
  public CommuneWalker(ProcessEngine engine, Officials officials) {
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.officials = officials;
  }

  /** A walker whose officials write every text field to its form's maximum length. */
  public static CommuneWalker writingAtLength(ProcessEngine engine) {
    return new CommuneWalker(engine, Officials.onTheEngine(engine, true));
  }

  /** Walks the instance to its end; returns the candidate group of its appraisal task. */
  public String walk(ProcessInstance commune, double... appraisedScores) {
    return walk(commune.getId(), appraisedScores);
  }

  public String walk(String processInstanceId, double... appraisedScores) {
    return walkUntil(processInstanceId, null, appraisedScores);
  }

  /**
   * Walks the instance until its open task is {@code taskKey} (and returns null), or to its end
   * when {@code taskKey} is null (and returns the appraisal's candidate group).
   */
  public String walkUntil(String processInstanceId, String taskKey, double... appraisedScores) {
    String appraiser = null;
    for (int step = 0; step < 200; step++) {
      List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).list();
      for (Job timer : timers) {
        management.executeJob(timer.getId());
      }
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      if (task == null) {
        if (timers.isEmpty()) {
          return appraiser;
        }
        continue;
      }
      if (task.getTaskDefinitionKey().equals(taskKey)) {
        return null;
      }
      if ("Appraisal".equals(task.getTaskDefinitionKey())) {
        appraiser = tasks.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
      }
      officials.complete(task, inputFor(task.getTaskDefinitionKey(), appraisedScores));
    }
    throw new IllegalStateException("commune-pilot " + processInstanceId + " did not end");
  }

  public static VariableMap inputFor(String taskKey, double[] scores) {
    return switch (taskKey) {
      case "DraftPlan" -> plan();
      case "ReviewPlan" -> approvePlan();
      case "LaunchModel" -> launch("2023-09-01");
      case "PeriodicReport" -> report();
      case "SelfAssessment" -> selfAssessment(scores);
      case "Appraisal" -> appraisal(scores);
      case "IssueRecognition" -> recognition();
      case "Remediate" -> remediation();
      case "CommuneLessons" -> lessons();
      default -> throw new IllegalArgumentException("unexpected task " + taskKey);
    };
  }
}
