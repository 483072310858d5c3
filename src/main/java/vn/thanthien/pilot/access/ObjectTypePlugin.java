package vn.thanthien.pilot.access;

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
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Refuses, when it is set, an Object variable sent in serialized form (as every REST client and
 * webapp sends one) whose type the engine's deserialization type validation does not allow
 * ({@code deserialization-type-validation-enabled}, {@code deserialization-allowed-classes} and
 * {@code -packages} in {@code application.yaml}). Camunda itself checks the type only when the
 * value is deserialized later, from a listener or an expression, where a refusal becomes a 500 or
 * an incident; here the submission is refused at once, with 400 and a Vietnamese message, and
 * nothing of it is kept. Values the application builds in Java (already deserialized) are not
 * concerned.
 */
@Component
public class ObjectTypePlugin extends AbstractProcessEnginePlugin {

  static final String NAME = "pilot://refused-object-type";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDeserializationTypeValidationEnabled()) {
      // First in the list: for a value it refuses, it is chosen before Camunda's own serializers.
      configuration.getVariableSerializers().addSerializer(
          new RefusedObjectTypeSerializer(configuration.getDeserializationTypeValidator()), 0);
    }
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

  /** Handles only values to refuse; writing one throws, reading never happens. */
  static final class RefusedObjectTypeSerializer implements TypedValueSerializer<ObjectValue> {
    private final DeserializationTypeValidator validator;

    RefusedObjectTypeSerializer(DeserializationTypeValidator validator) {
      this.validator = validator;
    }

    @Override
    public boolean canHandle(TypedValue value) {
      if (!(value instanceof ObjectValue object) || object.isDeserialized()) {
        return false;
      }
      String typeName = object.getObjectTypeName();
      return typeName != null && typeNames(typeName).stream().anyMatch(name -> !validator.validate(name));
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields valueFields) {
      String message = "biến «%s» có kiểu đối tượng «%s» không được phép gửi lên"
          .formatted(valueFields.getName(), value.getObjectTypeName());
      throw new FormFieldValidationException(List.of(message), "Dữ liệu chưa hợp lệ: " + message);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public ValueType getType() {
      return ValueType.OBJECT;
    }

    @Override
    public ObjectValue readValue(ValueFields valueFields, boolean deserialize, boolean asTransientValue) {
      throw new IllegalStateException("Nothing is ever stored with " + NAME);
    }

    @Override
    public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
      throw new IllegalStateException("Untyped values are never handled by " + NAME);
    }

    @Override
    public String getSerializationDataformat() {
      // The engine's default format: among several serializers for one value, the first with the
      // default format wins, and this one is first.
      return Variables.SerializationDataFormats.JSON.getName();
    }

    @Override
    public boolean isMutableValue(ObjectValue typedValue) {
      return false;
    }
  }
}
