package vn.thanthien.pilot.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Without a mail server configured (the integration tests' profile, like a fresh install) the
 * application works as before: tasks are created and completed, no mail job is scheduled, late
 * work schedules nothing, and e-mail being off is said once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
class WorkWithoutMailServerTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MailDelivery delivery;
  @Autowired LateWorkMail lateWorkMail;

  @Test
  void withoutAMailServerWorkGoesOnAndNoMailIsScheduled(CapturedOutput output) {
    assertThat(delivery.isOn()).isFalse();
    long saidOff = eMailOffLines(output);
    ProcessInstance pilot = runtime.startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "province", "2025-12-31"));
    try {
      Task draftPlan = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
      assertThat(draftPlan.getTaskDefinitionKey()).isEqualTo("DraftPlan");
      assertThat(mailJobs(pilot)).isZero();

      tasks.complete(draftPlan.getId(), CommuneInputs.plan());

      Task review = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
      assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewPlan");
      assertThat(lateWorkMail.late((DelegateTask) review)).isZero();
      assertThat(lateWorkMail.reminder((DelegateTask) review)).isZero();
      assertThat(mailJobs(pilot)).isZero();
      assertThat(runtime.createIncidentQuery().processInstanceId(pilot.getId()).count()).isZero();
      assertThat(eMailOffLines(output)).as("said at start, not again for each task").isEqualTo(saidOff);
    } finally {
      runtime.deleteProcessInstance(pilot.getId(), "test: no mail server");
    }
  }

  @Test
  void startingWithoutAMailServerSaysOnceThatEMailIsOff(CapturedOutput output) {
    long before = eMailOffLines(output);
    StaticListableBeanFactory noMailServer = new StaticListableBeanFactory();
    new MailDelivery(noMailServer.getBeanProvider(JavaMailSender.class),
        new NotificationProperties("http://localhost:8080", "no-reply@demo.thanthien.local", null));

    assertThat(eMailOffLines(output) - before).isEqualTo(1);
  }

  private static long eMailOffLines(CapturedOutput output) {
    return output.getOut().lines().filter(line -> line.contains("E-mail is off")).count();
  }

  private long mailJobs(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> TaskMailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
        .count();
  }
}
