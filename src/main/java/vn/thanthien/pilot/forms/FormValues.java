package vn.thanthien.pilot.forms;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads values as Camunda Forms and the REST API deliver them: dates as "YYYY-MM-DD" strings,
 * checklists as JSON arrays (Spin) or Java lists, numbers as any {@link Number}.
 */
public final class FormValues {

  public static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** Four ASCII digits, dash, two, dash, two: the date picker's format and nothing more. */
  private static final Pattern STRICT_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private FormValues() {}

  /**
   * A date field's text, or empty when it is not a date. It must be exactly what the date picker
   * of Camunda Forms submits ({@code datetime} with subtype {@code date}): "YYYY-MM-DD", a real
   * calendar day, nothing before or after it (no time, no zone, no blanks).
   */
  public static Optional<LocalDate> date(String text) {
    if (text == null || !STRICT_DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A date variable, or empty when it is absent or not a date: a date field's text (see
   * {@link #date(String)}), or a {@link java.util.Date} (set by the application itself, never by
   * a form) read in the programme's time zone ({@code pilot.time-zone}).
   */
  public static Optional<LocalDate> date(Object value, ZoneId zone) {
    if (value instanceof String text) {
      return date(text);
    }
    if (value instanceof java.util.Date date) {
      return Optional.of(date.toInstant().atZone(zone).toLocalDate());
    }
    return Optional.empty();
  }

  /** "05/07/2023" for an official. */
  public static String display(LocalDate date) {
    return date == null ? "" : DISPLAY_DATE.format(date);
  }

  /** The entries of a checklist value, or empty when the value is not a list of plain values. */
  public static Optional<List<String>> list(Object value) {
    if (value == null) {
      return Optional.of(List.of());
    }
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        return Optional.empty();
      }
      for (SpinJsonNode element : node.elements()) {
        if (element.isString()) {
          result.add(element.stringValue());
        } else if (element.isNumber()) {
          result.add(element.numberValue().toString());
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(result);
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (element instanceof String || element instanceof Number) {
          result.add(element.toString());
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(result);
    }
    return Optional.empty();
  }

  /** A number field's value as a double, or empty when it is not a number. */
  public static Optional<Double> number(Object value) {
    return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
  }

  /** A number as officials write it: "92" or "92,5". */
  public static String display(double number) {
    if (number == Math.rint(number)) {
      return String.valueOf((long) number);
    }
    return String.valueOf(number).replace('.', ',');
  }
}
