package vn.thanthien.pilot.evidence.review;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thanthien.pilot.evidence.EvidenceFiles;

/** The evidence a step requires, counted in the application's store of files. */
@Configuration
public class EvidenceReviewConfiguration {

  /**
   * The engine plugin that refuses completions without the required files. The store is looked up
   * when a task is completed, not when the engine is built (the store needs the engine).
   */
  @Bean
  public EvidenceRequirementPlugin evidenceRequirementPlugin(ObjectProvider<EvidenceFiles> files) {
    return new EvidenceRequirementPlugin((taskId, slot) -> files.getObject().count(taskId, slot));
  }
}
