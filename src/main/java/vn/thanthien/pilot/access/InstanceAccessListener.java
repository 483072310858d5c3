package vn.thanthien.pilot.access;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.reporting.Lateness;

/**
 * Grants, from the unit data, who may follow one instance: when a {@code commune-pilot} starts, its
 * commune and its district may read it and its history; when a {@code district-pilot} starts, its
 * district may; when a follow-up of late work starts, the unit that follows it up may. When a task of a commune-pilot is created, the district may read it (not work on
 * it). The province and the managers read everything through their global grants.
 *
 * <p>Added to every process and user task by {@link InstanceAccessPlugin}. The grants are written
 * without checking the current user's right to write authorizations: the official whose task
 * completion starts an instance is not an administrator.
 */
public class InstanceAccessListener implements ExecutionListener, TaskListener {

  private final UnitDirectory units;

  public InstanceAccessListener(UnitDirectory units) {
    this.units = units;
  }

  /** Process instance start. */
  @Override
  public void notify(DelegateExecution execution) {
    List<String> readers = readers(execution.getProcessDefinitionId(), execution);
    if (readers.isEmpty()) {
      return;
    }
    String instanceId = execution.getProcessInstanceId();
    withoutAuthorization(() -> {
      AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
      for (String group : readers) {
        Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, instanceId, READ);
        Grants.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
            HistoricProcessInstancePermissions.READ);
      }
    });
  }

  /** Task creation: the overseeing district may read the commune's task. */
  @Override
  public void notify(DelegateTask task) {
    if (!task.getProcessDefinitionId().startsWith("commune-pilot:")) {
      return;
    }
    String district = districtOfCommune(task.getExecution());
    boolean districtWorksOnIt = task.getCandidates().stream()
        .anyMatch(link -> district != null && district.equals(link.getGroupId()));
    if (district == null || districtWorksOnIt) {
      // A task offered to the district already carries Camunda's own grants for it.
      return;
    }
    String taskId = task.getId();
    withoutAuthorization(() -> {
      AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
      Grants.grant(authorizations, district, Resources.TASK, taskId, READ);
      Grants.grant(authorizations, district, Resources.HISTORIC_TASK, taskId, HistoricTaskPermissions.READ);
    });
  }

  private List<String> readers(String processDefinitionId, DelegateExecution execution) {
    List<String> readers = new ArrayList<>();
    if (processDefinitionId.startsWith("commune-pilot:")) {
      units.commune(string(execution.getVariable("communeCode"))).ifPresent(commune -> {
        readers.add(commune.groupId());
        units.district(commune.parentCode()).map(AdministrativeUnit::groupId).ifPresent(readers::add);
      });
    } else if (processDefinitionId.startsWith("district-pilot:")) {
      units.district(string(execution.getVariable("districtCode")))
          .map(AdministrativeUnit::groupId).ifPresent(readers::add);
    } else if (processDefinitionId.startsWith(Lateness.FOLLOW_UP_PROCESS + ":")) {
      // the unit that follows the late work up; the calendar derived it from the unit list
      units.ofGroup(string(execution.getVariable("followUpGroup"))).map(AdministrativeUnit::groupId)
          .ifPresent(readers::add);
    }
    return readers;
  }

  /** The group that oversees the commune: its district's, or its successor's after a reorganisation. */
  private String districtOfCommune(DelegateExecution execution) {
    return units.ofGroup(string(execution.getVariable("districtGroup")))
        .or(() -> units.commune(string(execution.getVariable("communeCode"))).flatMap(c -> units.district(c.parentCode())))
        .map(AdministrativeUnit::groupId)
        .orElse(null);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static void withoutAuthorization(Runnable grants) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      grants.run();
      return null;
    });
  }
}
