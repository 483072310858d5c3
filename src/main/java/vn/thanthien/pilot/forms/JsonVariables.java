package vn.thanthien.pilot.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import vn.thanthien.pilot.organisation.AdministrativeUnit;

/** Builds process variables that forms and expressions can read. */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {}

  /** Options of a select or checklist ({@code valuesKey}): [{"label": "...", "value": "..."}]. */
  public static JsonValue options(List<AdministrativeUnit> units) {
    List<Map<String, String>> options = new ArrayList<>();
    for (AdministrativeUnit unit : units) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", unit.label());
      option.put("value", unit.code());
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
