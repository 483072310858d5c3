package vn.thanthien.pilot.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST API answers a refused submission with 400 on {@code submit-form} and
 * {@code complete}, but with 500 on {@code /process-definition/.../start}. A refused submission is
 * the caller's mistake, never a server error: this mapper answers 400 with the Vietnamese message
 * wherever the cause is a validation error, unless the answer is already another 4xx, and answers
 * every other error as {@link RequestErrorMappers#camunda} does. The message is the Vietnamese one
 * alone, without the English lead the REST API puts before it ("Cannot complete task …: ").
 */
@Provider
@Priority(1)
public class ValidationErrorMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    Response.Status status = exception.getStatus();
    if (status != null && status.getFamily() == Response.Status.Family.CLIENT_ERROR && status != Response.Status.BAD_REQUEST) {
      // Already a clear client error (409 conflict, 404 gone, 403 refused: ClearErrorsPlugin): it
      // stands even if a validation error is among its causes. On PostgreSQL the loser of two
      // simultaneous completions may run the form check on the state the winner left, and fail
      // it; the answer must still say that someone else completed the task (409), not 400.
      return RequestErrorMappers.camunda(exception);
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException) {
        ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(exception);
        body.setMessage(RequestErrorMappers.withoutEnglishLead(body.getMessage()));
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
      }
    }
    return RequestErrorMappers.camunda(exception);
  }
}
