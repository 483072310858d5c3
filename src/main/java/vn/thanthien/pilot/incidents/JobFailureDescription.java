package vn.thanthien.pilot.incidents;

import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A job handler whose jobs are not steps of a model (a mail to officials, …) and that says itself,
 * in Vietnamese, what its failure means and what to do. {@link VietnameseIncidentHandler} uses this
 * message for the incident of such a job instead of its "step … of unit … failed" message.
 */
public interface JobFailureDescription {

  /**
   * The incident's message for a job of this handler that failed for good.
   *
   * @param job the failed job (its configuration names what it was doing)
   * @param failure the message of the job's last exception, possibly null
   */
  String incidentMessage(JobEntity job, String failure);
}
