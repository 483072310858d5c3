package vn.thanthien.pilot.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The answer to an exception: a real fault of the server is a 500 whose message says nothing of
 * the server's insides, while its stack trace is in the server's log; the caller's mistakes that
 * Camunda words in English, with class names, or answers 500 are Vietnamese 4xx.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestErrorMappersTest {

  private static ExceptionDto body(Response response) {
    return (ExceptionDto) response.getEntity();
  }

  private static String message(Response response) {
    Object entity = response.getEntity();
    return entity instanceof ExceptionDto dto ? dto.getMessage() : String.valueOf(((java.util.Map<?, ?>) entity).get("message"));
  }

  @Test
  void aRealFaultIsA500WithoutDetailAndItsStackTraceIsLogged(CapturedOutput log) {
    Response answer = RequestErrorMappers.camunda(new IllegalStateException("secret.internal.Thing broke",
        new java.sql.SQLException("relation ACT_RU_TASK does not exist")));
    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(message(answer)).isEqualTo(RequestErrorMappers.SERVER_FAULT).doesNotContain("secret");
    assertThat(answer.getEntity().toString()).doesNotContain("IllegalStateException");
    assertThat(log.getAll()).contains("IllegalStateException: secret.internal.Thing broke")
        .contains("at vn.thanthien.pilot.api.RequestErrorMappersTest");
  }

  @Test
  void aJavaSerializedVariableIsTheCallersMistake() {
    RestException camunda = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("ENGINE-17007 Cannot set variable with name planArea1. Java serialization "
            + "format is prohibited"), "Cannot put task variable planArea1: ENGINE-17007 …");
    Response answer = RequestErrorMappers.camunda(camunda);
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(body(answer).getMessage()).contains("«planArea1»").contains("tuần tự hóa");
  }

  @Test
  void camundasClientErrorsAreVietnameseWithoutClassNames() {
    Response answer = RequestErrorMappers.camunda(new InvalidRequestException(Response.Status.BAD_REQUEST,
        "Cannot set query parameter 'priority' to value 'abc': Cannot convert value abc to java type java.lang.Integer"));
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(body(answer).getMessage()).startsWith("Yêu cầu không hợp lệ. Chi tiết: tham số «priority» không nhận "
        + "giá trị «abc»").doesNotContain("java.lang");
    assertThat(RequestErrorMappers.withoutClassNames(
        "org.camunda.bpm.engine.MismatchingMessageCorrelationException: Cannot correlate message 'x'"))
        .isEqualTo("Cannot correlate message 'x'");
    // a message the application wrote in Vietnamese stays as it is
    assertThat(RequestErrorMappers.vietnamese(Response.Status.BAD_REQUEST, "Dữ liệu chưa hợp lệ: …"))
        .isEqualTo("Dữ liệu chưa hợp lệ: …");
  }

  @Test
  void camundasEnglishLeadBeforeAVietnameseMessageIsDropped() {
    assertThat(RequestErrorMappers.vietnamese(Response.Status.BAD_REQUEST,
        "Cannot complete task 4f1c-77: Chưa có minh chứng: cần đính kèm ít nhất một tệp"))
        .isEqualTo("Chưa có minh chứng: cần đính kèm ít nhất một tệp");
    assertThat(RequestErrorMappers.withoutEnglishLead(
        "Cannot instantiate process definition commune-pilot:3:9a: Dữ liệu chưa hợp lệ: «Tiêu chí 3» là bắt buộc"))
        .isEqualTo("Dữ liệu chưa hợp lệ: «Tiêu chí 3» là bắt buộc");
    // an English message keeps its lead: it is all the detail there is
    assertThat(RequestErrorMappers.withoutEnglishLead("Cannot complete task 7: task is suspended"))
        .isEqualTo("Cannot complete task 7: task is suspended");
  }
}
