package vn.thanthien.pilot.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Camunda refuses a password that breaks the password policy with a plain engine exception, which
 * its REST API (and so the Admin webapp) answers with 500. A weak password is the caller's mistake:
 * this mapper answers 400 with a Vietnamese explanation, and every other engine error as
 * {@link RequestErrorMappers#camunda} does.
 */
@Provider
@Priority(1)
public class PasswordPolicyErrorMapper implements ExceptionMapper<ProcessEngineException> {

  /** What Camunda says of a password the policy refuses (a plain engine exception). */
  public static final String CAMUNDA_MESSAGE = "Password does not match policy";
  static final String MESSAGE = "Mật khẩu chưa đủ mạnh: cần ít nhất 10 ký tự, có chữ hoa, chữ thường, "
      + "chữ số và ký tự đặc biệt, và không chứa tên đăng nhập hay họ tên (Password does not match policy)";

  @Override
  public Response toResponse(ProcessEngineException exception) {
    if (CAMUNDA_MESSAGE.equals(exception.getMessage())) {
      return RequestErrorMappers.answer(Response.Status.BAD_REQUEST, "PasswordPolicyException", MESSAGE);
    }
    return RequestErrorMappers.camunda(exception);
  }
}
