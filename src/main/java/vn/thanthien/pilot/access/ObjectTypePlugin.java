package vn.thanthien.pilot.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * Refuses, when it is set, an Object variable sent in serialized form (as every REST client and
 * webapp sends one) whose type the engine's deserialization type validation does not allow
 * ({@code deserialization-type-validation-enabled}, {@code deserialization-allowed-classes} and
 * {@code -packages} in {@code application.yaml}). Camunda itself checks the type only when the
 * value is deserialized later, from a listener or an expression, where a refusal becomes a 500 or
 * an incident; here the submission is refused at once, with 400 and a Vietnamese message, and
 * nothing of it is kept. The same holds for an Object or {@code Json} variable sent as JSON text
 * that is not JSON ({@code "{broken"}): Camunda stores it as it came, and every later read of the
 * instance's variables fails. Values the application builds in Java (already deserialized) are not
 * concerned.
 */
@Component
public class ObjectTypePlugin extends AbstractProcessEnginePlugin {

  static final String NAME = "pilot://refused-object-type";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // First in the list: for a value it refuses, it is chosen before Camunda's own serializers.
    DeserializationTypeValidator validator = configuration.isDeserializationTypeValidationEnabled()
        ? configuration.getDeserializationTypeValidator() : null;
    configuration.getVariableSerializers().addSerializer(new RefusedObjectTypeSerializer(validator, ValueType.OBJECT), 0);
    configuration.getVariableSerializers().addSerializer(new RefusedObjectTypeSerializer(null, SpinValueType.JSON), 0);
  }

  /** The type names in a Java type name such as {@code java.util.ArrayList<java.lang.String>}. */
  static List<String> typeNames(String objectTypeName) {
    List<String> names = new ArrayList<>();
    for (String name : objectTypeName.split("[<>,\\s\\[\\]]+")) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether a serialized Json value, or a value in the JSON format, is not JSON at all. */
  static boolean isBrokenJson(SerializableValue value) {
    String text = value.getValueSerialized();
    boolean json = SpinValueType.JSON.equals(value.getType())
        || Variables.SerializationDataFormats.JSON.getName().equals(value.getSerializationDataFormat());
    if (text == null || !json) {
      return false;
    }
    try {
      JSON.readTree(text);
      return false;
    } catch (JsonProcessingException e) {
      return true;
    }
  }

  /**
   * Handles only values to refuse (of one value type: Object, or Spin's Json); writing one throws,
   * reading never happens.
   */
  static final class RefusedObjectTypeSerializer implements TypedValueSerializer<SerializableValue> {
    private final DeserializationTypeValidator validator;
    private final ValueType type;

    /** @param validator the type validation of Object values, null if there is none */
    RefusedObjectTypeSerializer(DeserializationTypeValidator validator, ValueType type) {
      this.validator = validator;
      this.type = type;
    }

    @Override
    public boolean canHandle(TypedValue value) {
      if (!(value instanceof SerializableValue serialized) || serialized.isDeserialized()
          || !type.equals(value.getType())) {
        return false;
      }
      return refusedType(serialized) != null || isBrokenJson(serialized);
    }

    /** The object type name the validation refuses, or null. */
    private String refusedType(SerializableValue value) {
      String typeName = value instanceof ObjectValue object ? object.getObjectTypeName() : null;
      boolean refused = validator != null && typeName != null
          && typeNames(typeName).stream().anyMatch(name -> !validator.validate(name));
      return refused ? typeName : null;
    }

    @Override
    public void writeValue(SerializableValue value, ValueFields valueFields) {
      String typeName = refusedType(value);
      String message = typeName != null
          ? "biến «%s» có kiểu đối tượng «%s» không được phép gửi lên".formatted(valueFields.getName(), typeName)
          : "biến «%s» không phải JSON đúng cú pháp".formatted(valueFields.getName());
      throw new FormFieldValidationException(List.of(message), "Dữ liệu chưa hợp lệ: " + message);
    }

    @Override
    public String getName() {
      return ValueType.OBJECT.equals(type) ? NAME : NAME + "-" + type.getName();
    }

    @Override
    public ValueType getType() {
      return type;
    }

    @Override
    public SerializableValue readValue(ValueFields valueFields, boolean deserialize, boolean asTransientValue) {
      throw new IllegalStateException("Nothing is ever stored with " + NAME);
    }

    @Override
    public SerializableValue convertToTypedValue(UntypedValueImpl untypedValue) {
      throw new IllegalStateException("Untyped values are never handled by " + NAME);
    }

    @Override
    public String getSerializationDataformat() {
      // The engine's default format: among several serializers for one value, the first with the
      // default format wins, and this one is first.
      return Variables.SerializationDataFormats.JSON.getName();
    }

    @Override
    public boolean isMutableValue(SerializableValue typedValue) {
      return false;
    }
  }
}
