package vn.thanthien.pilot.survey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the survey asks ({@code survey/khao-sat.yaml}, or the file {@code PILOT_SURVEY_QUESTIONS_FILE}
 * names): the scale offered for every question (best first), the values that count as satisfied,
 * the questions (one of them the overall one, whose answer is the citizen's level in the figures)
 * and the optional comment. Checked when read: a file the page cannot use stops the start with the
 * reason.
 */
public record SurveyQuestions(String title, String intro, List<Level> scale, List<Integer> satisfied,
    List<Question> questions, Comment comment) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  /** The longest comment a file may allow (the column holds 1000 characters). */
  static final int MAX_COMMENT = 1000;

  public record Level(int value, String label) {}

  public record Question(String id, String text, boolean overall) {}

  public record Comment(String label, int maxLength) {}

  public SurveyQuestions {
    require(title != null && !title.isBlank(), "title is missing");
    require(scale != null && scale.size() >= 2, "scale needs at least two levels");
    Set<Integer> values = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (Level level : scale) {
      require(level.value() >= 1 && level.value() <= 9, "scale values must be 1 to 9: " + level.value());
      require(level.label() != null && !level.label().isBlank(), "every level needs a label");
      require(values.add(level.value()) && labels.add(level.label()), "scale values and labels must differ");
    }
    require(satisfied != null && !satisfied.isEmpty() && values.containsAll(satisfied),
        "satisfied must list values of the scale");
    require(questions != null && !questions.isEmpty(), "questions are missing");
    Set<String> ids = new HashSet<>();
    for (Question question : questions) {
      require(question.id() != null && ID.matcher(question.id()).matches(),
          "question id «" + question.id() + "» must be lower-case letters, digits and dashes (at most 40)");
      require(ids.add(question.id()), "question id repeated: " + question.id());
      require(question.text() != null && !question.text().isBlank(), "question " + question.id() + " has no text");
    }
    require(questions.stream().filter(Question::overall).count() == 1, "exactly one question must be overall: true");
    require(comment != null && comment.label() != null && comment.maxLength() >= 1 && comment.maxLength() <= MAX_COMMENT,
        "comment needs a label and a max-length from 1 to " + MAX_COMMENT);
    scale = List.copyOf(scale);
    satisfied = List.copyOf(satisfied);
    questions = List.copyOf(questions);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("pilot.survey.questions-file (PILOT_SURVEY_QUESTIONS_FILE): " + problem);
    }
  }

  public static SurveyQuestions read(InputStream yaml) throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(yaml, SurveyQuestions.class);
  }

  public Question overall() {
    return questions.stream().filter(Question::overall).findFirst().orElseThrow();
  }

  public Optional<Level> level(int value) {
    return scale.stream().filter(l -> l.value() == value).findFirst();
  }

  public boolean isSatisfied(int value) {
    return satisfied.contains(value);
  }
}
