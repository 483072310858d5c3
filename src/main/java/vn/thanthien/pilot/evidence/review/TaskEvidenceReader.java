package vn.thanthien.pilot.evidence.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.evidence.EvidenceFile;
import vn.thanthien.pilot.evidence.EvidenceFiles;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * Reads the evidence a task's official needs, as the logged-in caller: the task must be one the
 * caller may read (Camunda's task query, authorized), and only instances the caller may read
 * (Camunda's history query, authorized) give their files. The files themselves come from the
 * store without a check of their own, so nothing here shows more than the caller's Camunda rights.
 */
@Component
public class TaskEvidenceReader {

  static final String COMMUNE_PILOT = "commune-pilot";
  /** How deep communes lie below a task's instance: district-pilot → commune-pilot, programme → district → commune. */
  private static final int LEVELS = 2;

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final EvidenceFiles files;
  private final UnitDirectory units;

  public TaskEvidenceReader(TaskService tasks, HistoryService history, RepositoryService repository,
      IdentityService identity, EvidenceFiles files, UnitDirectory units) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.files = files;
    this.units = units;
  }

  /** The evidence of the open task {@code taskId}, or empty when the caller cannot read it. */
  public Optional<TaskEvidence> read(String taskId) {
    if (identity.getCurrentAuthentication() == null) {
      throw new AuthorizationException("no user is authenticated");
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Labels labels = new Labels();
    EvidenceRequirement requirement = task.getProcessDefinitionId() == null ? EvidenceRequirement.NONE
        : labels.requirement(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    String instance = task.getProcessInstanceId();
    List<TaskEvidence.File> earlier = List.of();
    List<TaskEvidence.Commune> communes = new ArrayList<>();
    if (instance != null && readable(instance)) {
      earlier = files.ofProcessInstance(instance).stream().filter(file -> !taskId.equals(file.taskId()))
          .map(file -> labels.file(task.getProcessDefinitionId(), file)).sorted(OLDEST_FIRST).toList();
      collectCommunes(List.of(instance), LEVELS, labels, communes);
      communes.sort(Comparator.comparing(TaskEvidence.Commune::name).thenComparing(TaskEvidence.Commune::code));
    }
    return Optional.of(new TaskEvidence(task.getId(), task.getName(), instance, requirement.expected(),
        requirement.isRequired(), requirement.slots(), earlier, communes));
  }

  private static final Comparator<TaskEvidence.File> OLDEST_FIRST = Comparator.comparing(TaskEvidence.File::addedAt,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(TaskEvidence.File::id);

  private boolean readable(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /** The commune-pilot instances below {@code parents}, as far as the caller may read them. */
  private void collectCommunes(List<String> parents, int levels, Labels labels, List<TaskEvidence.Commune> communes) {
    if (levels == 0 || parents.isEmpty()) {
      return;
    }
    List<String> next = new ArrayList<>();
    for (String parent : parents) {
      for (HistoricProcessInstance child : history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(parent).list()) {
        if (COMMUNE_PILOT.equals(child.getProcessDefinitionKey())) {
          String code = child.getBusinessKey();
          String name = units.commune(code).map(AdministrativeUnit::name).orElse(code);
          List<TaskEvidence.File> own = files.ofProcessInstance(child.getId()).stream()
              .map(file -> labels.file(child.getProcessDefinitionId(), file)).sorted(OLDEST_FIRST).toList();
          communes.add(new TaskEvidence.Commune(code, name, child.getId(), child.getEndTime() != null, own));
        } else {
          next.add(child.getId());
        }
      }
    }
    collectCommunes(next, levels - 1, labels, communes);
  }

  /** The requirements (and so the slots' names) of the definitions met, each read once. */
  private final class Labels {
    private final Map<String, Map<String, EvidenceRequirement>> byDefinition = new HashMap<>();

    EvidenceRequirement requirement(String processDefinitionId, String taskKey) {
      return requirements(processDefinitionId).getOrDefault(taskKey, EvidenceRequirement.NONE);
    }

    TaskEvidence.File file(String processDefinitionId, EvidenceFile file) {
      String label = file.slot() == null ? null
          : requirement(processDefinitionId, file.taskDefinitionKey()).label(file.slot());
      return TaskEvidence.File.of(file, label);
    }

    private Map<String, EvidenceRequirement> requirements(String processDefinitionId) {
      return byDefinition.computeIfAbsent(processDefinitionId, id -> {
        Map<String, EvidenceRequirement> requirements = new HashMap<>();
        BpmnModelInstance model;
        try {
          model = repository.getBpmnModelInstance(id);
        } catch (AuthorizationException e) {
          return requirements; // a model the caller may not read: no names for its slots
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          requirements.put(task.getId(), EvidenceRequirement.of(task));
        }
        return requirements;
      });
    }
  }
}
