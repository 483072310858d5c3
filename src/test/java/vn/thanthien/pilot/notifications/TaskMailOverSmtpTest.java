package vn.thanthien.pilot.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import vn.thanthien.pilot.calendar.LateWorkJobHandler;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Officials' e-mail against a real SMTP server (GreenMail) started by the test: work offered to a
 * unit is mailed after the task is saved, to that unit's members with an address and nobody else,
 * in Vietnamese, with the due date and the link to the task; late work likewise; a mail server
 * that is down loses no work, and the mail is retried, becomes a Vietnamese incident, and is sent
 * by an administrator's retry once the server is back.
 *
 * <p>A context of its own (its own in-memory database and engine name, like
 * {@code CredentialsTest}'s): the other tests keep running without a mail server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pilot-mail;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=mail",
    "spring.mail.host=127.0.0.1",
    "pilot.mail.base-url=https://thanthien.example.vn/",
    "pilot.mail.from=no-reply@thanthien.example.vn"})
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
class TaskMailOverSmtpTest {

  static final int SMTP_PORT = freePort();
  static final String CHI_HOA = "12679";
  static final String LINK = "https://thanthien.example.vn/camunda/app/tasklist/default/#/?task=";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DataSource dataSource;

  GreenMail smtp;
  final List<String> instances = new ArrayList<>();
  final List<String> users = new ArrayList<>();

  @BeforeEach
  void startMailServer() {
    smtp = startSmtp();
  }

  @AfterEach
  void cleanUp() {
    smtp.stop();
    instances.forEach(id -> runtime.deleteProcessInstanceIfExists(id, "test: mail", true, true, true, true));
    users.forEach(identity::deleteUser);
  }

  @Test
  void workOfferedToChiHoaIsMailedToItsMembersWithAnAddressAndToNobodyElse() throws Exception {
    member("xa12679vanthu", "vanthu.chihoa@demo.thanthien.local", "commune-12679");
    member("xa12679moi", null, "commune-12679");
    member("xa12646vanthu", "vanthu.tienduc@demo.thanthien.local", "commune-12646");

    ProcessInstance pilot = startCommunePilot();
    Task draftPlan = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    List<Job> jobs = mailJobs(pilot);
    assertThat(jobs).hasSize(1);
    assertThat(smtp.getReceivedMessages()).as("nothing is sent before the job runs, after the commit").isEmpty();

    management.executeJob(jobs.get(0).getId());

    assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
    assertThat(recipients()).containsExactlyInAnyOrder(
        "xa12679@demo.thanthien.local", "vanthu.chihoa@demo.thanthien.local");
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Việc mới cho UBND xã Chí Hòa: Xây dựng kế hoạch thực hiện mô hình");
    assertThat(Arrays.stream(mail.getRecipients(jakarta.mail.Message.RecipientType.TO))
        .map(a -> ((InternetAddress) a).getAddress()))
        .containsExactlyInAnyOrder("xa12679@demo.thanthien.local", "vanthu.chihoa@demo.thanthien.local");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("no-reply@thanthien.example.vn");
    assertThat(from.getPersonal()).isEqualTo("Chính quyền thân thiện vì nhân dân phục vụ");
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) mail.getContent())
        .startsWith("Kính gửi cán bộ UBND xã Chí Hòa,")
        .contains("Việc: Xây dựng kế hoạch thực hiện mô hình")
        .contains("Đơn vị: UBND xã Chí Hòa")
        .contains("Thuộc: Thực hiện mô hình tại xã — Xã Chí Hòa (mã 12679)")
        .contains("Hạn hoàn thành: " + DAY.format(draftPlan.getDueDate().toInstant()))
        .contains(LINK + draftPlan.getId());
    assertThat(mailJobs(pilot)).isEmpty();
    assertThat(runtime.createIncidentQuery().processInstanceId(pilot.getId()).count()).isZero();
  }

  @Test
  void aMailServerThatIsDownLosesNoWorkAndItsMailEndsAsAnIncidentThatARetrySends() throws Exception {
    smtp.stop();
    ProcessInstance pilot = startCommunePilot();
    Task draftPlan = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();

    tasks.complete(draftPlan.getId(), CommuneInputs.plan());

    Task review = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewPlan");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("district-339").count()).isEqualTo(1);
    Job draftPlanMail = mailJob(pilot, draftPlan);
    Job reviewMail = mailJob(pilot, review);

    management.executeJob(draftPlanMail.getId());
    assertThat(management.createJobQuery().jobId(draftPlanMail.getId()).count())
        .as("a task already completed is not mailed about, and its job ends").isZero();

    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      Instant before = Instant.now();
      assertThatThrownBy(() -> management.executeJob(reviewMail.getId()))
          .hasMessage("không kết nối được máy chủ thư 127.0.0.1:" + SMTP_PORT);
      Job failed = management.createJobQuery().jobId(reviewMail.getId()).singleResult();
      assertThat(failed.getRetries()).isEqualTo(retriesLeft);
      if (retriesLeft > 0) {
        assertThat(failed.getDuedate()).as("tried again five minutes later (R3/PT5M)")
            .isAfter(Date.from(before.plus(Duration.ofMinutes(4))))
            .isBefore(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
      } else {
        assertThat(failed.getDuedate()).as("an administrator's retry runs at once")
            .isBeforeOrEqualTo(Date.from(Instant.now()));
      }
    }

    Incident incident = runtime.createIncidentQuery().processInstanceId(pilot.getId()).singleResult();
    assertThat(incident.getActivityId()).as("shown on the step in Cockpit").isEqualTo("ReviewPlan");
    assertThat(incident.getIncidentMessage())
        .startsWith("Không gửi được thư báo việc «Thẩm định kế hoạch của xã» cho UBND huyện Hưng Hà sau nhiều "
            + "lần tự động thử lại: không kết nối được máy chủ thư 127.0.0.1:" + SMTP_PORT + ".")
        .contains("Công việc vẫn nằm trong «Xử lý công việc» của đơn vị, không bị mất")
        .contains("bấm «Thử lại» (Retry) trong «Theo dõi quy trình»");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("the work is still there").isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    smtp = startSmtp();
    management.setJobRetries(reviewMail.getId(), 1); // Cockpit's "Retry"
    management.executeJob(reviewMail.getId());

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(recipients()).containsExactly("huyen339@demo.thanthien.local");
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Việc mới cho UBND huyện Hưng Hà: Thẩm định kế hoạch của xã");
    assertThat((String) mail.getContent()).contains(LINK + review.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(pilot.getId()).count()).isZero();
    assertThat(mailJobs(pilot)).isEmpty();
  }

  @Test
  void theCalendarRemindsChiHoaThenMailsItAsLateAndOffersTheFollowUpToHungHa() throws Exception {
    member("xa12646vanthu", "vanthu.tienduc@demo.thanthien.local", "commune-12646");
    ProcessInstance pilot = startCommunePilot();
    Task draftPlan = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    management.executeJob(mailJob(pilot, draftPlan).getId());
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    smtp.purgeEmailFromAllMailboxes();
    assertThat(draftPlan.getFollowUpDate()).as("Tasklist's reminder date").isBefore(draftPlan.getDueDate());
    try {
      ClockUtil.setCurrentTime(new Date(draftPlan.getFollowUpDate().getTime() + 60_000));
      runDueCalendarTimers(pilot);
      management.executeJob(mailJob(pilot, draftPlan).getId());
      assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
      MimeMessage reminder = smtp.getReceivedMessages()[0];
      assertThat(reminder.getSubject()).isEqualTo("Sắp đến hạn: Xây dựng kế hoạch thực hiện mô hình (UBND xã Chí Hòa)");
      assertThat((String) reminder.getContent()).contains("sắp đến hạn mà chưa hoàn thành")
          .contains("Hạn hoàn thành: " + DAY.format(draftPlan.getDueDate().toInstant()))
          .contains(LINK + draftPlan.getId());
      assertThat(addressees(reminder)).containsExactly("xa12679@demo.thanthien.local");
      smtp.purgeEmailFromAllMailboxes();

      ClockUtil.setCurrentTime(new Date(draftPlan.getDueDate().getTime() + 60_000));
      runDueCalendarTimers(pilot);
      management.executeJob(mailJob(pilot, draftPlan).getId());
      assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
      MimeMessage late = smtp.getReceivedMessages()[0];
      assertThat(late.getSubject()).isEqualTo("Quá hạn: Xây dựng kế hoạch thực hiện mô hình (UBND xã Chí Hòa)");
      assertThat((String) late.getContent()).contains("đã quá hạn mà chưa hoàn thành")
          .contains("Hạn hoàn thành: " + DAY.format(draftPlan.getDueDate().toInstant()))
          .contains(LINK + draftPlan.getId());
      assertThat(addressees(late)).containsExactly("xa12679@demo.thanthien.local");
      smtp.purgeEmailFromAllMailboxes();

      ProcessInstance followUp = runtime.createProcessInstanceQuery().processDefinitionKey("late-work-follow-up")
          .processInstanceBusinessKey(CHI_HOA).singleResult();
      instances.add(followUp.getId());
      Task followUpTask = tasks.createTaskQuery().processInstanceId(followUp.getId()).singleResult();
      management.executeJob(mailJob(followUp, followUpTask).getId());
      assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
      MimeMessage offered = smtp.getReceivedMessages()[0];
      assertThat(offered.getSubject()).isEqualTo(
          "Việc mới cho UBND huyện Hưng Hà: Đôn đốc UBND xã Chí Hòa: Xây dựng kế hoạch thực hiện mô hình");
      assertThat(addressees(offered)).as("the district, not Tiến Đức nor Chí Hòa").containsExactly("huyen339@demo.thanthien.local");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aMemberWithAnAddressThatIsNoneDoesNotSilenceTheUnit(CapturedOutput output) throws Exception {
    member("xa12679vanthu", "vanthu.chihoa@demo.thanthien.local", "commune-12679");
    member("xa12679hong", "placeholder@demo.thanthien.local", "commune-12679");
    // stored before addresses were checked (or by SQL, or a directory): two addresses in one
    new JdbcTemplate(dataSource).update("UPDATE ACT_ID_USER SET EMAIL_ = ? WHERE ID_ = ?",
        "hong.chihoa@demo.thanthien.local, ngoai@example.com", "xa12679hong");

    ProcessInstance pilot = startCommunePilot();
    management.executeJob(mailJobs(pilot).get(0).getId());

    assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
    assertThat(recipients()).containsExactlyInAnyOrder(
        "xa12679@demo.thanthien.local", "vanthu.chihoa@demo.thanthien.local");
    assertThat(mailJobs(pilot)).as("done, not retried: the others have their mail").isEmpty();
    assertThat(runtime.createIncidentQuery().processInstanceId(pilot.getId()).count()).isZero();
    assertThat(output.getOut()).contains("was not delivered to member 'xa12679hong' of commune-12679 at "
        + "'hong.chihoa@demo.thanthien.local, ngoai@example.com' (not an e-mail address)");
  }

  @Test
  void anAddressTheServerRefusesDoesNotSilenceTheUnit(CapturedOutput output) throws Exception {
    member("xa12679vanthu", "vanthu.chihoa@demo.thanthien.local", "commune-12679");
    member("xa12679cu", "nghihuu.chihoa@demo.thanthien.local", "commune-12679");
    smtp.stop();
    try (RefusingSmtpServer server = new RefusingSmtpServer(SMTP_PORT, "nghihuu.chihoa@demo.thanthien.local")) {
      ProcessInstance pilot = startCommunePilot();
      management.executeJob(mailJobs(pilot).get(0).getId());

      assertThat(server.delivered()).as("one message, to the addresses the server accepted")
          .containsExactly(List.of("xa12679@demo.thanthien.local", "vanthu.chihoa@demo.thanthien.local"));
      assertThat(mailJobs(pilot)).as("done, not retried").isEmpty();
      assertThat(runtime.createIncidentQuery().processInstanceId(pilot.getId()).count()).isZero();
      assertThat(output.getOut()).contains("was not delivered to member 'xa12679cu' of commune-12679 at "
          + "'nghihuu.chihoa@demo.thanthien.local' (550 5.1.1 <nghihuu.chihoa@demo.thanthien.local>: user unknown)");
    } finally {
      smtp = startSmtp();
    }
  }

  /**
   * An SMTP server that refuses some recipients (550), as a real one refuses a mailbox that does
   * not exist, and keeps the recipients of each message it accepts. One connection at a time.
   */
  static final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Set<String> refused;
    private final List<List<String>> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread;

    RefusingSmtpServer(int port, String... refused) throws IOException {
      this.socket = new ServerSocket(port, 5, java.net.InetAddress.getByName("127.0.0.1"));
      this.refused = Set.of(refused);
      this.thread = new Thread(this::serve, "refusing-smtp");
      thread.setDaemon(true);
      thread.start();
    }

    List<List<String>> delivered() {
      return delivered;
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (java.net.Socket client = socket.accept();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                client.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            java.io.PrintWriter out = new java.io.PrintWriter(new java.io.OutputStreamWriter(
                client.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8), true)) {
          reply(out, "220 127.0.0.1 ESMTP test");
          List<String> accepted = new ArrayList<>();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("RCPT TO:")) {
              String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
              if (refused.contains(address)) {
                reply(out, "550 5.1.1 <" + address + ">: user unknown");
              } else {
                accepted.add(address);
                reply(out, "250 2.1.5 OK");
              }
            } else if (command.startsWith("DATA")) {
              reply(out, "354 end with <CRLF>.<CRLF>");
              for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                // the message itself is not kept
              }
              delivered.add(List.copyOf(accepted));
              reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
              reply(out, "221 2.0.0 bye");
              break;
            } else if (command.startsWith("RSET") || command.startsWith("MAIL FROM:")) {
              accepted.clear();
              reply(out, "250 2.0.0 OK");
            } else {
              reply(out, "250 OK"); // EHLO, HELO, NOOP
            }
          }
        } catch (IOException closed) {
          // the server is closed, or the client went away
        }
      }
    }

    private static void reply(java.io.PrintWriter out, String line) {
      out.print(line + "\r\n");
      out.flush();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5000);
    }
  }

  /** Runs the calendar's timers of the instance that are due at the (moved) clock. */
  private void runDueCalendarTimers(ProcessInstance instance) {
    List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list().stream()
        .filter(job -> LateWorkJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
    assertThat(due).isNotEmpty();
    due.forEach(job -> management.executeJob(job.getId()));
  }

  private ProcessInstance startCommunePilot() {
    ProcessInstance pilot = runtime.startProcessInstanceByKey("commune-pilot", CHI_HOA,
        CommuneInputs.startInput(CHI_HOA, "province", "2025-12-31"));
    instances.add(pilot.getId());
    return pilot;
  }

  private void member(String userId, String email, String groupId) {
    User user = identity.newUser(userId);
    user.setFirstName("Cán bộ");
    user.setLastName("thử nghiệm");
    user.setEmail(email);
    user.setPassword("Hung-Ha@2026x");
    identity.saveUser(user);
    users.add(userId);
    identity.createMembership(userId, groupId);
  }

  /** The mail jobs of an instance. */
  private List<Job> mailJobs(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> TaskMailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
        .toList();
  }

  /** The one mail job about this task. */
  private Job mailJob(ProcessInstance instance, Task task) {
    List<Job> about = mailJobs(instance).stream()
        .filter(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains(" " + task.getId() + " "))
        .toList();
    assertThat(about).hasSize(1);
    return about.get(0);
  }

  /** Every address the server delivered a copy to (GreenMail keeps a mailbox per recipient). */
  private static List<String> addressees(MimeMessage mail) throws jakarta.mail.MessagingException {
    return Arrays.stream(mail.getRecipients(jakarta.mail.Message.RecipientType.TO))
        .map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private Set<String> recipients() {
    return smtp.getUserManager().listUser().stream().map(GreenMailUser::getEmail).collect(Collectors.toSet());
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
