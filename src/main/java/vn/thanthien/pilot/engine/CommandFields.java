package vn.thanthien.pilot.engine;

import java.lang.reflect.Field;

/**
 * Reads fields Camunda's commands keep without getters (the submitted variables of a completion,
 * the extending query of a filter command, …), in one place, for the engine version the project is
 * built on (7.24.0). A field that is not there fails loudly, so an engine upgrade that moves one is
 * noticed at start or in the tests instead of silently unguarding a check.
 */
public final class CommandFields {

  private CommandFields() {}

  /** The field {@code name} declared by {@code type} or one of its superclasses, made readable. */
  public static Field field(Class<?> type, String name) {
    for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
      try {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + name
        + ": this code does not know the engine version in use");
  }

  /** The value of {@code field} in {@code target}. */
  @SuppressWarnings("unchecked")
  public static <T> T read(Field field, Object target) {
    try {
      return (T) field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  /** The value of the field {@code name} of {@code target}. */
  public static <T> T read(Object target, String name) {
    return read(field(target.getClass(), name), target);
  }
}
