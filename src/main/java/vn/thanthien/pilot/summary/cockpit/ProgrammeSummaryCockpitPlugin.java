package vn.thanthien.pilot.summary.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit's page "Tổng hợp đề án": the programme across every district and commune the viewer may
 * read, as {@link vn.thanthien.pilot.summary.ProgrammeSummaries} reads it. Found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin} (ServiceLoader, not
 * Spring); its browser side is {@code plugin-webapp/programme-summary/app/plugin.js}.
 */
public class ProgrammeSummaryCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "programme-summary";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ProgrammeSummaryRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
