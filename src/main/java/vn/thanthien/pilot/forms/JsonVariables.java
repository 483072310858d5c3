package vn.thanthien.pilot.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Builds process variables that forms and expressions can read. */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {}

  /**
   * Options of a select or checklist ({@code valuesKey}): [{"label": "...", "value": "..."}], one
   * per item, in the items' order.
   */
  public static <T> JsonValue options(List<T> items, Function<? super T, String> label,
      Function<? super T, String> value) {
    List<Map<String, String>> options = new ArrayList<>();
    for (T item : items) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", label.apply(item));
      option.put("value", value.apply(item));
      options.add(option);
    }
    return json(options);
  }

  /** A checklist value (JSON array of strings), as Tasklist itself submits it. */
  public static JsonValue checklist(List<String> values) {
    return json(values);
  }

  /** A list of codes for expressions and multi-instance collections (a Java list stored as JSON). */
  public static ObjectValue codes(List<String> codes) {
    return Variables.objectValue(new ArrayList<>(codes))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  private static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
