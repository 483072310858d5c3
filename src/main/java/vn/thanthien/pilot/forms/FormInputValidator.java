package vn.thanthien.pilot.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a submission on the server against the rules of the Camunda Form the official filled
 * in: required fields, number ranges, text lengths and patterns, dates, and that a choice is one
 * of the form's options. Forms can be bypassed through the REST API; this listener cannot. The
 * form stays the single place where a field's rules are written. Fields hidden by the form's
 * {@code conditional.hide} expression are not checked. Text may hold no invisible control
 * characters (see {@link TextCharacters}); dates are exactly "YYYY-MM-DD"; no String longer than
 * the 4,000 characters Camunda can store reaches the database.
 *
 * <p>Attached by {@link vn.thanthien.pilot.contract.SubmissionContractPlugin} to every user task
 * ({@code end}) and start event ({@code start}), first and as a built-in listener: no model names
 * it and no caller can skip it. It reads the form the element names ({@code camunda:formRef},
 * with its binding) from the deployment.
 */
@Component("formInputValidator")
public class FormInputValidator extends SubmissionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(FormInputValidator.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> CHOICE_TYPES = Set.of("select", "radio");
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  /**
   * Longest String a variable can hold: Camunda stores it in a column of 4,000 characters, counted
   * in UTF-16 units (an emoji takes two), whatever the form's {@code maxLength} (code points) says.
   */
  static final int MAX_STORED_LENGTH = 4000;
  /**
   * Parsed forms per engine, by deployment and resource name: a deployed resource never changes,
   * so each form is read from the database and parsed once, not at every submission. Per engine,
   * because deployment ids of different engines (tests' in-memory databases) may coincide.
   */
  private static final Cache<ProcessEngineConfiguration, Cache<String, JsonNode>> FORMS =
      Caffeine.newBuilder().weakKeys().build();

  @Override
  protected void check(DelegateExecution execution) {
    validate(deployedForm(execution), execution);
  }

  /** The deployed form of the user task or start event the execution is at, or null. */
  private static JsonNode deployedForm(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    String key;
    String binding;
    String version;
    if (element instanceof UserTask task) {
      key = task.getCamundaFormRef();
      binding = task.getCamundaFormRefBinding();
      version = task.getCamundaFormRefVersion();
    } else if (element instanceof StartEvent start) {
      key = start.getCamundaFormRef();
      binding = start.getCamundaFormRefBinding();
      version = start.getCamundaFormRefVersion();
    } else {
      return null;
    }
    if (key == null) {
      return null;
    }
    CamundaFormRefImpl ref = new CamundaFormRefImpl(key, binding == null ? "latest" : binding);
    if (version != null) {
      ref.setVersion(Integer.valueOf(version));
    }
    String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
    CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(ref, deploymentId)
        .execute(Context.getCommandContext());
    if (form == null) {
      throw new IllegalStateException("Camunda Form " + key + " is not deployed");
    }
    Cache<String, JsonNode> forms = FORMS.get(Context.getProcessEngineConfiguration(),
        engine -> Caffeine.newBuilder().maximumSize(500).build());
    return forms.get(form.getDeploymentId() + "/" + form.getResourceName(), ignored -> {
      try (InputStream resource = execution.getProcessEngineServices().getRepositoryService()
          .getResourceAsStream(form.getDeploymentId(), form.getResourceName())) {
        return MAPPER.readTree(resource);
      } catch (IOException e) {
        throw new IllegalStateException("Unreadable Camunda Form " + form.getResourceName(), e);
      }
    });
  }

  private void validate(JsonNode schema, VariableScope scope) {
    if (schema == null) {
      return;
    }
    Map<String, Object> values = scope.getVariables();
    ValidationProblems problems = new ValidationProblems();
    Map<String, String> labels = new HashMap<>();
    Set<String> tooLong = new HashSet<>();
    checkComponents(schema.path("components"), values, problems, labels, tooLong);
    // Any other String (a hidden field, a variable the form does not have): still too long to keep.
    values.forEach((key, value) -> {
      if (value instanceof String text && text.length() > MAX_STORED_LENGTH && !tooLong.contains(key)) {
        problems.add(tooLongMessage("«" + labels.getOrDefault(key, key) + "»", text));
      }
    });
    problems.throwIfAny();
  }

  private void checkComponents(JsonNode components, Map<String, Object> values,
      ValidationProblems problems, Map<String, String> labels, Set<String> tooLong) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null) {
        labels.putIfAbsent(key, label(component, key));
      }
      if (isHidden(component, values)) {
        continue;
      }
      if (component.has("components") && !"dynamiclist".equals(component.path("type").asText())) {
        checkComponents(component.path("components"), values, problems, labels, tooLong);
        continue;
      }
      if (key == null || component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        continue;
      }
      Object value = values.get(key);
      if (value instanceof String text && text.length() > MAX_STORED_LENGTH) {
        tooLong.add(key);
      }
      checkField(component, key, value, values, problems);
    }
  }

  private void checkField(JsonNode component, String key, Object value, Map<String, Object> values,
      ValidationProblems problems) {
    String type = component.path("type").asText();
    String label = "«" + label(component, key) + "»";
    JsonNode rules = component.path("validate");
    if (isEmpty(value, type)) {
      if (rules.path("required").asBoolean(false)) {
        problems.add(label + " là thông tin bắt buộc, chưa được nhập");
      }
      return;
    }
    if ("number".equals(type)) {
      checkNumber(label, value, rules, problems);
    } else if (TEXT_TYPES.contains(type)) {
      checkText(label, value, rules, "textarea".equals(type), problems);
    } else if ("datetime".equals(type)) {
      checkDateTime(label, component.path("subtype").asText("date"), value, problems);
    } else if ("checkbox".equals(type)) {
      if (!(value instanceof Boolean)) {
        problems.add(label + " chỉ nhận giá trị Có hoặc Không");
      }
    } else if (CHOICE_TYPES.contains(type)) {
      Optional<Set<String>> allowed = options(component, values);
      if (!(value instanceof String) && !(value instanceof Number)) {
        problems.add(label + " phải là một lựa chọn trong danh sách");
      } else if (allowed.isPresent() && !allowed.get().contains(value.toString())) {
        problems.add(label + ": giá trị «" + value + "» không có trong danh sách lựa chọn");
      }
    } else if (LIST_TYPES.contains(type)) {
      Optional<List<String>> chosen = FormValues.list(value);
      Optional<Set<String>> allowed = options(component, values);
      if (chosen.isEmpty()) {
        problems.add(label + " phải là danh sách các lựa chọn");
      } else if (allowed.isPresent()) {
        chosen.get().stream()
            .filter(v -> !allowed.get().contains(v))
            .forEach(v -> problems.add(label + ": giá trị «" + v + "» không có trong danh sách lựa chọn"));
      }
    }
  }

  private void checkNumber(String label, Object value, JsonNode rules, ValidationProblems problems) {
    Optional<Double> number = FormValues.number(value);
    if (number.isEmpty() || number.get().isNaN() || number.get().isInfinite()) {
      problems.add(label + " phải là một số");
      return;
    }
    double n = number.get();
    if (rules.has("min") && n < rules.path("min").asDouble()) {
      problems.add(label + " không được nhỏ hơn " + FormValues.display(rules.path("min").asDouble()));
    }
    if (rules.has("max") && n > rules.path("max").asDouble()) {
      problems.add(label + " không được lớn hơn " + FormValues.display(rules.path("max").asDouble()));
    }
  }

  /**
   * A date field takes exactly what the form's date picker submits, "YYYY-MM-DD" (see
   * {@link FormValues#date(String)}); nothing after it, no time, no other type. The forms use only the
   * subtype {@code date}; a time or date-time field would take an ISO local time or date-time.
   */
  private static void checkDateTime(String label, String subtype, Object value,
      ValidationProblems problems) {
    boolean valid;
    if ("date".equals(subtype)) {
      valid = value instanceof String text && FormValues.date(text).isPresent();
    } else {
      valid = value instanceof String text && isIsoTimeOrDateTime(subtype, text);
    }
    if (!valid) {
      problems.add(label + " phải là một ngày hợp lệ: chọn trên lịch hoặc nhập dạng ngày/tháng/năm"
          + " (ví dụ 05/07/2023); qua API, gửi ngày dạng ISO 8601 (năm-tháng-ngày), không kèm ký tự nào khác");
    }
  }

  private static boolean isIsoTimeOrDateTime(String subtype, String text) {
    try {
      if ("time".equals(subtype)) {
        java.time.LocalTime.parse(text);
      } else {
        java.time.LocalDateTime.parse(text);
      }
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private void checkText(String label, Object value, JsonNode rules, boolean multiline,
      ValidationProblems problems) {
    if (!(value instanceof String text)) {
      problems.add(label + " phải là văn bản");
      return;
    }
    TextCharacters.firstForbidden(text, multiline).ifPresent(bad -> problems.add(label + " " + bad));
    if (text.length() > MAX_STORED_LENGTH) {
      problems.add(tooLongMessage(label, text));
      return;
    }
    int length = text.codePointCount(0, text.length());
    if (rules.has("minLength") && length < rules.path("minLength").asInt()) {
      problems.add(label + " phải có ít nhất " + rules.path("minLength").asInt() + " ký tự");
    }
    if (rules.has("maxLength") && length > rules.path("maxLength").asInt()) {
      problems.add(label + " không được dài quá " + rules.path("maxLength").asInt() + " ký tự");
    }
    if (rules.hasNonNull("pattern")) {
      try {
        if (!Pattern.compile(rules.path("pattern").asText()).matcher(text).matches()) {
          problems.add(label + " không đúng định dạng yêu cầu");
        }
      } catch (PatternSyntaxException e) {
        LOG.warn("Form pattern of {} is not a valid regular expression", label);
      }
    }
  }

  private static String tooLongMessage(String label, String text) {
    return label + " quá dài: chỉ lưu được tối đa " + MAX_STORED_LENGTH + " ký tự, văn bản đã nhập có "
        + text.length() + " ký tự (biểu tượng cảm xúc và một số ký tự đặc biệt tính là 2 ký tự)";
  }

  /** The name an official sees: the label, or for a date field its date label. */
  static String label(JsonNode component, String key) {
    for (String field : new String[] {"label", "dateLabel"}) {
      String text = component.path(field).asText("");
      if (!text.isBlank()) {
        return text;
      }
    }
    return key;
  }

  private static boolean isEmpty(Object value, String type) {
    if (value == null) {
      return true;
    }
    if (value instanceof String text) {
      return text.isBlank();
    }
    if ("checkbox".equals(type)) {
      return Boolean.FALSE.equals(value);
    }
    if (LIST_TYPES.contains(type)) {
      return FormValues.list(value).map(List::isEmpty).orElse(false);
    }
    return false;
  }

  /** The values a choice may take: static {@code values} or the variable named by {@code valuesKey}. */
  private static Optional<Set<String>> options(JsonNode component, Map<String, Object> values) {
    Set<String> allowed = new HashSet<>();
    if (component.has("values")) {
      component.path("values").forEach(o -> allowed.add(o.path("value").asText()));
      return Optional.of(allowed);
    }
    if (component.has("valuesKey")) {
      Object options = values.get(component.path("valuesKey").asText());
      try {
        JsonNode node = MAPPER.readTree(options == null ? "[]" : jsonText(options));
        node.forEach(o -> allowed.add(o.isObject() ? o.path("value").asText() : o.asText()));
        return Optional.of(allowed);
      } catch (IOException e) {
        return Optional.of(allowed);
      }
    }
    return Optional.empty();
  }

  private static String jsonText(Object options) throws IOException {
    if (options instanceof org.camunda.spin.json.SpinJsonNode node) {
      return node.toString();
    }
    return MAPPER.writeValueAsString(options);
  }

  /** Evaluates the form's {@code conditional.hide} FEEL expression as form-js would. */
  private static boolean isHidden(JsonNode component, Map<String, Object> values) {
    String hide = component.path("conditional").path("hide").asText("");
    if (hide.isBlank()) {
      return false;
    }
    String expression = hide.startsWith("=") ? hide.substring(1) : hide;
    Map<String, Object> context = new HashMap<>();
    values.forEach((name, value) -> {
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
        context.put(name, value);
      }
    });
    try {
      DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration)
          Context.getProcessEngineConfiguration().getDmnEngineConfiguration();
      Object hidden = dmn.getFeelEngine()
          .evaluateSimpleExpression(expression, Variables.fromMap(context).asVariableContext());
      return Boolean.TRUE.equals(hidden);
    } catch (RuntimeException e) {
      LOG.warn("Cannot evaluate the form condition '{}': {}", expression, e.getMessage());
      return false;
    }
  }
}
