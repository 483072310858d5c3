package vn.thanthien.pilot.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Fails the build when a model and its variable contract ({@code contracts/<key>.yaml}) disagree:
 * a form field the contract does not let that task write (the server would refuse what the form
 * sends) or a contract entry no form has; a derived variable an official's form could write; a
 * candidate group built from anything but derived variables; a variable a model reads that the
 * contract does not declare.
 */
class VariableContractModelTest {

  private static final Path MODELS = Path.of("bpmn");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A name the expression reads: not a member ({@code .name}) and not a call ({@code name(}). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*+)(?!\\s*\\()");
  /** Names every expression may use that are not process variables. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "true", "false", "null",
      "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
  /** Application beans that expressions call (the interim reviews' timers, the calendar's due dates); never variables. */
  private static final Set<String> EXPRESSION_BEANS = Set.of("reviewTimers", "taskCalendar");

  private final VariableContracts contracts = VariableContracts.fromClasspath();

  @Test
  void everyProcessWithFormsHasAContractAndEveryContractAProcess() throws IOException {
    Set<String> processes = new TreeSet<>();
    for (Path file : files(".bpmn")) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)
          .forEach(p -> processes.add(p.getId()));
    }
    assertThat(contracts.all().keySet()).containsExactlyInAnyOrderElementsOf(processes);
  }

  @TestFactory
  Stream<DynamicTest> everyModelKeepsItsContract() throws IOException {
    return files(".bpmn").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> check(Bpmn.readModelFromFile(file.toFile()))));
  }

  private void check(BpmnModelInstance model) throws IOException {
    for (Process process : model.getModelElementsByType(Process.class)) {
      VariableContract contract = contracts.of(process.getId()).orElseThrow(
          () -> new AssertionError("no contract for " + process.getId()));
      List<String> problems = new ArrayList<>();
      Set<String> withForms = new TreeSet<>();
      Set<String> formFields = new TreeSet<>();
      // every node, also those inside (event) sub-processes: one process per model file
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        String formRef = formRef(node);
        if (formRef == null) {
          continue;
        }
        withForms.add(node.getId());
        Set<String> fields = inputFields(formRef);
        formFields.addAll(fields);
        Set<String> declared = contract.writableAt(node.getId()).orElse(Set.of());
        if (!declared.equals(fields)) {
          problems.add(node.getId() + ": form " + formRef + " writes " + new TreeSet<>(fields)
              + " but the contract lets it write " + new TreeSet<>(declared));
        }
      }
      Set<String> stale = new TreeSet<>(contract.forms().keySet());
      stale.removeAll(withForms);
      if (!stale.isEmpty()) {
        problems.add("contract names forms of elements without a form: " + stale);
      }
      Set<String> derivedButWritable = new TreeSet<>(contract.derived().keySet());
      derivedButWritable.retainAll(formFields);
      if (!derivedButWritable.isEmpty()) {
        problems.add("derived variables an official's form writes: " + derivedButWritable);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        Set<String> built = names(task.getCamundaCandidateGroups());
        built.removeAll(contract.derived().keySet());
        if (!built.isEmpty()) {
          problems.add(task.getId() + ": candidate groups built from variables that are not derived: " + built);
        }
      }
      Set<String> undeclared = new TreeSet<>(readNames(process));
      undeclared.removeAll(contract.allNames());
      undeclared.removeAll(ENGINE_NAMES);
      undeclared.removeAll(EXPRESSION_BEANS);
      undeclared.removeAll(localNames(process));
      if (!undeclared.isEmpty()) {
        problems.add("the model reads variables the contract does not declare: " + undeclared);
      }
      assertThat(problems).as(process.getId() + " and contracts/" + process.getId() + ".yaml").isEmpty();
    }
  }

  private static String formRef(FlowNode node) {
    if (node instanceof UserTask task) {
      return task.getCamundaFormRef();
    }
    if (node instanceof StartEvent start && !(start.getParentElement() instanceof SubProcess)) {
      return start.getCamundaFormRef();
    }
    return null;
  }

  /** The keys a form submits: its fields, except disabled ones (form-js does not submit them). */
  private static Set<String> inputFields(String formRef) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    collect(JSON.readTree(MODELS.resolve(formRef + ".form").toFile()).path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), keys);
      } else if (component.has("key") && !component.path("disabled").asBoolean(false)) {
        keys.add(component.path("key").asText());
      }
    }
  }

  /** Every variable name the process's expressions read: attributes and texts of its XML. */
  private static Set<String> readNames(Process process) {
    Set<String> names = new TreeSet<>();
    walk(xml(process), names);
    return names;
  }

  private static Element xml(Process process) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      String text = Bpmn.convertToString((BpmnModelInstance) process.getModelInstance());
      NodeList processes = factory.newDocumentBuilder()
          .parse(new InputSource(new StringReader(text))).getElementsByTagNameNS("*", "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element element = (Element) processes.item(i);
        if (process.getId().equals(element.getAttribute("id"))) {
          return element;
        }
      }
      throw new AssertionError("process " + process.getId() + " not found");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void walk(Element element, Set<String> names) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (!"delegateExpression".equals(attribute.getLocalName())) {
        names.addAll(names(attribute.getNodeValue()));
      }
    }
    if ("in".equals(element.getLocalName()) && element.hasAttribute("source")) {
      names.add(element.getAttribute("source")); // a call activity passes this variable on
    }
    boolean leaf = true;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        leaf = false;
        walk(childElement, names);
      }
    }
    if (leaf) {
      names.addAll(names(element.getTextContent()));
    }
  }

  /** Names local to an element: multi-instance element variables and input parameters. */
  private static Set<String> localNames(Process process) {
    Set<String> names = new TreeSet<>();
    process.getModelInstance().getModelElementsByType(MultiInstanceLoopCharacteristics.class)
        .forEach(mi -> {
          if (mi.getCamundaElementVariable() != null) {
            names.add(mi.getCamundaElementVariable());
          }
        });
    process.getModelInstance().getModelElementsByType(CamundaInputParameter.class)
        .forEach(p -> names.add(p.getCamundaName()));
    // the result variable of a business rule task holds the decision's result
    process.getModelInstance().getModelElementsByType(
        org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class).forEach(t -> {
          if (t.getCamundaResultVariable() != null) {
            names.add(t.getCamundaResultVariable());
          }
        });
    return names;
  }

  /** The variable names an expression text reads. */
  static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    if (text == null) {
      return names;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(QUOTED.matcher(expression.group(1)).replaceAll(" "));
      while (identifier.find()) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(MODELS)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
