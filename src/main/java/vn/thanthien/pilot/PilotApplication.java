package vn.thanthien.pilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The pilot-programme workflow: one Spring Boot application embedding the Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PilotApplication {

  public static void main(String[] args) {
    SpringApplication.run(PilotApplication.class, args);
  }
}
