package vn.thanthien.pilot.monitoring;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/** Installs the {@link JobAcquisitionWatch} on the engine's job executor, if it has one. */
public class JobAcquisitionWatchPlugin extends AbstractProcessEnginePlugin {

  private final JobAcquisitionWatch watch;

  public JobAcquisitionWatchPlugin(JobAcquisitionWatch watch) {
    this.watch = watch;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor == null) {
      return;
    }
    AcquireJobsCommandFactory factory = jobExecutor.getAcquireJobsCmdFactory();
    jobExecutor.setAcquireJobsCmdFactory(watch.watch(
        factory != null ? factory : new DefaultAcquireJobsCommandFactory(jobExecutor)));
  }
}
