package vn.thanthien.pilot.notifications;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * What the engine does when a job fails: for a mail job, Camunda's own retry-cycle strategy with
 * the configured cycle (e.g. {@code R3/PT5M}: three tries in all, five minutes apart, then an
 * incident, which Cockpit's "Retry" sends at once), as it would for an activity with
 * {@code camunda:failedJobRetryTimeCycle}; for every other job, whatever the engine did before.
 * Camunda applies a retry cycle only to jobs of its own types, hence this factory.
 */
final class MailJobRetries implements FailedJobCommandFactory {

  private final FailedJobCommandFactory engineDefault;
  private final FailedJobRetryConfiguration cycle;

  MailJobRetries(FailedJobCommandFactory engineDefault, FailedJobRetryConfiguration cycle) {
    this.engineDefault = engineDefault;
    this.cycle = cycle;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      Command<Object> command = job != null && TaskMailJobHandler.TYPE.equals(job.getJobHandlerType())
          ? new MailJobRetryCmd(jobId, exception) : engineDefault.getCommand(jobId, exception);
      return command.execute(commandContext);
    };
  }

  /** Camunda's retry command, told the activity of the mail job and the mail's cycle. */
  private final class MailJobRetryCmd extends DefaultJobRetryCmd {

    MailJobRetryCmd(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    /** The user task the mail is about; without one, the engine's standard strategy applies. */
    @Override
    public ActivityImpl getCurrentActivity(CommandContext commandContext, JobEntity job) {
      if (job.getProcessDefinitionId() == null || job.getActivityId() == null) {
        return null;
      }
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(job.getProcessDefinitionId());
      return definition.findActivity(job.getActivityId());
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return cycle;
    }

    /**
     * Camunda's strategy, except that the last failure leaves the job due at once: without
     * retries it is not run anyway, and an administrator's "Retry" in Cockpit (which sets the
     * retries, not the due date) then sends the mail now instead of one interval later.
     */
    @Override
    protected void executeCustomStrategy(CommandContext commandContext, JobEntity job, ActivityImpl activity)
        throws Exception {
      super.executeCustomStrategy(commandContext, job, activity);
      if (job.getRetries() <= 0) {
        job.setDuedate(ClockUtil.getCurrentTime());
      }
    }
  }
}
