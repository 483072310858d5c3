package vn.thanthien.pilot.api;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST resources under {@code /engine-rest}, plus the project's error mapping. */
@Component
public class RestApiConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    super.registerAdditionalResources();
    register(ValidationErrorMapper.class);
    register(PasswordPolicyErrorMapper.class);
    register(RequestErrorMappers.NotJson.class);
    register(RequestErrorMappers.WrongFields.class);
    register(RequestErrorMappers.Http.class);
  }
}
