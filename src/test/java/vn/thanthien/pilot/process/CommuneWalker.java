package vn.thanthien.pilot.process;

import static vn.thanthien.pilot.process.CommuneInputs.*;

import java.util.ArrayList;
import java.util.Comparator;
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
 * launched, every periodic report filed, the interim report sent (pilots), scored and appraised,
 * recognised, lessons drawn. It records which group each appraisal was offered to.
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
   * when {@code taskKey} is null (and returns the appraisal's candidate group). Every job of the
   * instance is run when it is seen, due or not (the interim review's timer too), and every open
   * task is completed, so the commune's interim report is sent on the way.
   */
  public String walkUntil(String processInstanceId, String taskKey, double... appraisedScores) {
    String appraiser = null;
    for (int step = 0; step < 200; step++) {
      List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).list();
      for (Job timer : timers) {
        management.executeJob(timer.getId());
      }
      List<Task> open = new ArrayList<>(tasks.createTaskQuery().processInstanceId(processInstanceId).list());
      // the interim report first: the commune's last step ends the instance and every task in it
      open.sort(Comparator.comparing(task -> !"InterimReport".equals(task.getTaskDefinitionKey())));
      if (open.isEmpty()) {
        if (timers.isEmpty()) {
          return appraiser;
        }
        continue;
      }
      boolean reached = false;
      for (Task task : open) {
        if (task.getTaskDefinitionKey().equals(taskKey)) {
          reached = true;
          continue;
        }
        if ("Appraisal".equals(task.getTaskDefinitionKey())) {
          appraiser = tasks.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
        }
        officials.complete(task, inputFor(task.getTaskDefinitionKey(), appraisedScores));
      }
      if (reached) {
        return null;
      }
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
      case "InterimReport" -> interimReport();
      default -> throw new IllegalArgumentException("unexpected task " + taskKey);
    };
  }
}
