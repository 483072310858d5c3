package vn.thanthien.pilot.incidents;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/** Engine plugin: failed jobs raise incidents with a Vietnamese message ({@link VietnameseIncidentHandler}). */
@Component
public class IncidentMessagesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new VietnameseIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE));
    configuration.setCustomIncidentHandlers(handlers);
  }
}
