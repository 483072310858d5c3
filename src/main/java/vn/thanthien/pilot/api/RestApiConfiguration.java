package vn.thanthien.pilot.api;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST resources under {@code /engine-rest}, plus the project's error mapping. */
@Component
public class RestApiConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    super.registerAdditionalResources();
    register(ErrorMapping.class);
  }
}
