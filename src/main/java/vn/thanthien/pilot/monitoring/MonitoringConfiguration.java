package vn.thanthien.pilot.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics of a node. Health: the database (Spring Boot's {@code db}), the engine
 * (the Camunda starter's {@code processEngine}) and the job executor ({@link JobExecutorHealth},
 * which replaces the starter's under the same bean name). Metrics: the programme's figures and the
 * engine's counters ({@link ProgrammeFigures}), and this node's job executor.
 */
@Configuration
public class MonitoringConfiguration {

  @Bean
  public JobAcquisitionWatch jobAcquisitionWatch() {
    return new JobAcquisitionWatch();
  }

  @Bean
  public JobAcquisitionWatchPlugin jobAcquisitionWatchPlugin(JobAcquisitionWatch watch) {
    return new JobAcquisitionWatchPlugin(watch);
  }

  /** Named as the starter's indicator, which is then not created. */
  @Bean(name = "jobExecutorHealthIndicator")
  public HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine, JobAcquisitionWatch watch,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
      @Value("${pilot.health.job-acquisition-stale-factor:3}") int staleFactor) {
    return new JobExecutorHealth(configurationOf(engine), watch, enabled, staleFactor, Clock.systemUTC());
  }

  @Bean
  public ProgrammeFigures programmeFigures(ProcessEngine engine,
      @Value("${pilot.metrics.max-age:30s}") Duration maxAge) {
    return new ProgrammeFigures(engine.getTaskService(), engine.getRuntimeService(),
        engine.getManagementService(), maxAge, Clock.systemUTC());
  }

  @Bean
  public MeterBinder programmeMeters(ProgrammeFigures figures, ProcessEngine engine, JobAcquisitionWatch watch) {
    ProcessEngineConfigurationImpl configuration = configurationOf(engine);
    return registry -> {
      for (String level : ProgrammeFigures.LEVELS) {
        Gauge.builder("pilot.tasks.open", figures, f -> f.current().openTasks().getOrDefault(level, 0L))
            .description("Open tasks offered to a unit of this level (assigned or not)")
            .tag("level", level).register(registry);
        Gauge.builder("pilot.tasks.overdue", figures, f -> f.current().overdueTasks().getOrDefault(level, 0L))
            .description("Open tasks of this level whose due date has passed")
            .tag("level", level).register(registry);
      }
      ProgrammeFigures.PHASES.keySet().forEach(phase ->
          Gauge.builder("pilot.pilots.running", figures, f -> f.current().runningPilots().getOrDefault(phase, 0L))
              .description("Running commune-pilot instances in this phase")
              .tag("phase", phase).register(registry));
      Gauge.builder("pilot.incidents.open", figures, f -> f.current().openIncidents())
          .description("Open incidents (failed steps waiting for a retry in Cockpit)").register(registry);
      Gauge.builder("pilot.jobs.due", figures, f -> f.current().dueJobs())
          .description("Jobs due now and not yet run (timers, asynchronous steps) in the whole cluster")
          .register(registry);
      for (String name : ProgrammeFigures.ENGINE_METRICS) {
        FunctionCounter.builder("camunda.engine.metric", figures,
                f -> f.current().engineMetrics().getOrDefault(name, 0L))
            .description("Camunda's own counter, as the engine reports it to the database every 15 minutes")
            .tag("name", name).register(registry);
      }
      Gauge.builder("pilot.job.executor.active", configuration,
              c -> c.getJobExecutor() != null && c.getJobExecutor().isActive() ? 1 : 0)
          .description("1 when this node's job executor runs, 0 otherwise").register(registry);
      Gauge.builder("pilot.job.acquisition.age", watch, MonitoringConfiguration::secondsSinceAcquisition)
          .description("Seconds since this node's job executor last acquired jobs successfully")
          .baseUnit("seconds").register(registry);
    };
  }

  private static double secondsSinceAcquisition(JobAcquisitionWatch watch) {
    Instant last = watch.lastSuccess();
    return last == null ? Double.NaN : Duration.between(last, Instant.now()).toMillis() / 1000.0;
  }

  static ProcessEngineConfigurationImpl configurationOf(ProcessEngine engine) {
    return ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
  }
}
