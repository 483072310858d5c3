package vn.thanthien.pilot.survey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * The commune's pilot instances the authenticated caller may read, decided by Camunda's own
 * authorizations as Tasklist and Cockpit decide them (the queries run as the caller,
 * {@code access.ApiAuthenticationFilter} authenticated them): the commune, its district (or the
 * provincial body), the province, managers and administrators; nobody else anything. A successor
 * that took a pilot over reads it under its own code too.
 */
@Component
class SurveyReaders {

  /** One readable pilot instance and what the figures need of it. */
  record Pilot(String id, boolean running, LocalDate launch, String districtGroup, Object reportHistory) {}

  private final ProcessEngine engine;
  private final ZoneId zone;

  SurveyReaders(ProcessEngine engine, TimeZoneProperties time) {
    this.engine = engine;
    this.zone = time.timeZone();
  }

  String caller() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  List<String> callerGroups() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /** The commune's pilots the caller may read, oldest first; empty for anyone else. */
  List<Pilot> pilots(String code) {
    if (caller() == null) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(SurveyCommunes.COMMUNE_PILOT).processInstanceBusinessKey(code)
        .orderByProcessInstanceStartTime().asc().list()) {
      ids.add(instance.getId());
    }
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SurveyCommunes.COMMUNE_PILOT).processInstanceBusinessKey(code).list()) {
      ids.add(instance.getId());
    }
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SurveyCommunes.COMMUNE_PILOT).variableValueEquals("successorCode", code).list()) {
      ids.add(instance.getId());
    }
    List<Pilot> pilots = new ArrayList<>();
    for (String id : ids) {
      Map<String, Object> variables = variables(id);
      boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
      pilots.add(new Pilot(id, running, FormValues.date(variables.get("launchDate"), zone).orElse(null),
          (String) variables.get("districtGroup"), variables.get("reportHistory")));
    }
    return pilots;
  }

  private Map<String, Object> variables(String instanceId) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableNameIn("launchDate", "districtGroup", "reportHistory").list()) {
      values.put(variable.getName(), variable.getValue());
    }
    return values;
  }

  /** Whether the caller may hide the pilot's comments: its district's officials (or the provincial body's), administrators. */
  boolean mayModerate(Pilot pilot) {
    List<String> groups = callerGroups();
    return groups.contains("camunda-admin") || (pilot.districtGroup() != null && groups.contains(pilot.districtGroup()));
  }
}
