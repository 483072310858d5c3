package vn.thanthien.pilot.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails the build when a model in {@code bpmn/} breaks the project's rules: diagram layout for
 * every element, {@code historyTimeToLive} and {@code versionTag}, a Vietnamese name on every
 * element a person sees (lanes and pools included), a deployed Camunda Form on every user task and
 * start event, a candidate group or assignee on every user task, and every flow node of a process
 * in exactly one lane, so that the diagram shows who does each step.
 */
class ModelConventionsTest {

  private static final Path MODELS = Path.of("bpmn");
  /** Letters only Vietnamese (among Latin-script languages officials meet) writes. */
  private static final Pattern VIETNAMESE = Pattern.compile(
      "[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyProcessModelFollowsTheRules() throws IOException {
    return files(".bpmn").stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkBpmn(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyDecisionModelFollowsTheRules() throws IOException {
    return files(".dmn").stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkDmn(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyFormIsVietnameseAndNamedAfterItsFile() throws IOException {
    return files(".form").stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkForm(file)));
  }

  @Test
  void theContractualModelsExist() throws IOException {
    Set<String> processes = new HashSet<>();
    for (Path file : files(".bpmn")) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)
          .forEach(p -> processes.add(p.getId()));
    }
    assertThat(processes).contains("pilot-programme", "district-pilot", "commune-pilot");
    Set<String> decisions = new HashSet<>();
    for (Path file : files(".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(d -> decisions.add(d.getId()));
    }
    assertThat(decisions).contains("pilot-rating");
  }

  private void checkBpmn(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
    Set<String> formIds = formIds();

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(process.getId() + ": no historyTimeToLive");
      }
      if (process.getCamundaVersionTag() == null) {
        problems.add(process.getId() + ": no versionTag");
      }
      requireVietnamese(process, process.getName(), problems);
      checkLanes(process, problems);
    }
    for (Participant participant : model.getModelElementsByType(Participant.class)) {
      requireVietnamese(participant, participant.getName(), problems);
    }
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      requireVietnamese(lane, lane.getName(), problems);
      if (!shapes.contains(lane.getId())) {
        problems.add(lane.getId() + ": no diagram shape");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        problems.add(node.getId() + ": no diagram shape");
      }
      requireVietnamese(node, node.getName(), problems);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        problems.add(flow.getId() + ": no diagram edge");
      }
      if (flow.getSource() instanceof ExclusiveGateway && flow.getSource().getOutgoing().size() > 1) {
        requireVietnamese(flow, flow.getName(), problems);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      requireForm(task, task.getCamundaFormRef(), formIds, problems);
      if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())
          && blank(task.getCamundaCandidateUsers())) {
        problems.add(task.getId() + ": nobody is assigned (no candidate group or assignee)");
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      // a process only the application starts (not startable in Tasklist) takes nothing at its start
      boolean startedByTheApplication = start.getParentElement() instanceof Process process
          && !process.isCamundaStartableInTasklist();
      if (!(start.getParentElement() instanceof SubProcess) && !startedByTheApplication) {
        requireForm(start, start.getCamundaFormRef(), formIds, problems);
      }
    }
    assertThat(problems).as(file + " breaks the model rules").isEmpty();
  }

  /**
   * Every flow node directly in the process lies in exactly one lane (the innermost lane when
   * lanes are nested; nodes inside a sub-process belong to the sub-process's lane).
   */
  private void checkLanes(Process process, List<String> problems) {
    List<Lane> lanes = new ArrayList<>();
    process.getLaneSets().forEach(set -> collectInnermostLanes(set, lanes));
    if (lanes.isEmpty()) {
      problems.add(process.getId() + ": no lanes (who does each step is not shown)");
      return;
    }
    Map<String, List<String>> lanesOfNode = new HashMap<>();
    for (Lane lane : lanes) {
      lane.getFlowNodeRefs().forEach(node ->
          lanesOfNode.computeIfAbsent(node.getId(), id -> new ArrayList<>()).add(lane.getId()));
    }
    for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
      List<String> in = lanesOfNode.getOrDefault(node.getId(), List.of());
      if (in.size() != 1) {
        problems.add(node.getId() + ": in " + in.size() + " lanes " + in + ", must be in exactly one");
      }
    }
  }

  private static void collectInnermostLanes(LaneSet set, List<Lane> lanes) {
    for (Lane lane : set.getLanes()) {
      if (lane.getChildLaneSet() == null || lane.getChildLaneSet().getLanes().isEmpty()) {
        lanes.add(lane);
      } else {
        collectInnermostLanes(lane.getChildLaneSet(), lanes);
      }
    }
  }

  private void checkDmn(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    String xml = Dmn.convertToString(model);
    for (Decision decision : decisions) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(decision.getId() + ": no historyTimeToLive");
      }
      if (!VIETNAMESE.matcher(String.valueOf(decision.getName())).find()) {
        problems.add(decision.getId() + ": name is not Vietnamese: " + decision.getName());
      }
      if (!xml.contains("dmnElementRef=\"" + decision.getId() + "\"")) {
        problems.add(decision.getId() + ": no diagram shape");
      }
    }
    assertThat(problems).as(file + " breaks the model rules").isEmpty();
  }

  private void checkForm(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String expectedId = file.getFileName().toString().replace(".form", "");
    assertThat(form.path("id").asText()).as("form id of " + file).isEqualTo(expectedId);
    List<String> problems = new ArrayList<>();
    checkComponents(form.path("components"), problems);
    assertThat(problems).as(file + " breaks the form rules").isEmpty();
  }

  private void checkComponents(JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        checkComponents(component.path("components"), problems);
      }
      if (!component.has("key")) {
        continue;
      }
      String key = component.path("key").asText();
      String label = component.path("label").asText(component.path("dateLabel").asText(""));
      if (!VIETNAMESE.matcher(label).find()) {
        problems.add(key + ": label is not Vietnamese: " + label);
      }
      for (JsonNode option : component.path("values")) {
        if (!VIETNAMESE.matcher(option.path("label").asText("")).find()
            && !option.path("label").asText("").matches("[0-9 ]+")) {
          problems.add(key + ": option label is not Vietnamese: " + option.path("label").asText(""));
        }
      }
    }
  }

  private void requireVietnamese(BaseElement element, String name, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add(element.getId() + ": no name");
    } else if (!VIETNAMESE.matcher(name).find()) {
      problems.add(element.getId() + ": name is not Vietnamese: " + name);
    }
  }

  private void requireForm(BaseElement element, String formRef, Set<String> formIds,
      List<String> problems) {
    if (blank(formRef)) {
      problems.add(element.getId() + ": no Camunda Form");
    } else if (!formIds.contains(formRef)) {
      problems.add(element.getId() + ": form " + formRef + " is not in bpmn/");
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path form : files(".form")) {
      ids.add(JSON.readTree(form.toFile()).path("id").asText());
    }
    return ids;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
