package vn.thanthien.pilot.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import vn.thanthien.pilot.calendar.LateWorkJobHandler;
import vn.thanthien.pilot.calendar.LateWorkPlugin;
import vn.thanthien.pilot.calendar.TaskCalendar;
import vn.thanthien.pilot.commune.CommuneContext;
import vn.thanthien.pilot.notifications.LateWorkMail;
import vn.thanthien.pilot.notifications.MailDelivery;
import vn.thanthien.pilot.notifications.NotificationProperties;
import vn.thanthien.pilot.commune.CommuneDisplayTexts;
import vn.thanthien.pilot.commune.LaunchValidator;
import vn.thanthien.pilot.commune.ReportScheduler;
import vn.thanthien.pilot.commune.ReportRecorder;
import vn.thanthien.pilot.commune.ReportValidator;
import vn.thanthien.pilot.district.CommuneInterimCollector;
import vn.thanthien.pilot.documents.DocumentLinks;
import vn.thanthien.pilot.district.CommuneResultsCollector;
import vn.thanthien.pilot.district.DistrictContext;
import vn.thanthien.pilot.district.OneDistrictPilotPerProgramme;
import vn.thanthien.pilot.district.PilotSelectionRecorder;
import vn.thanthien.pilot.district.PilotSelectionValidator;
import vn.thanthien.pilot.district.RolloutCandidates;
import vn.thanthien.pilot.district.RolloutPlanRecorder;
import vn.thanthien.pilot.district.RolloutPlanValidator;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.programme.DistrictInterimCollector;
import vn.thanthien.pilot.programme.DistrictResultsCollector;
import vn.thanthien.pilot.programme.DistrictSelectionRecorder;
import vn.thanthien.pilot.programme.DistrictSelectionValidator;
import vn.thanthien.pilot.programme.OneRunningProgramme;
import vn.thanthien.pilot.programme.ProgrammeContext;
import vn.thanthien.pilot.programme.ReviewTimers;
import vn.thanthien.pilot.rating.ScoreValidator;

/**
 * Registers the application's real delegates and listeners under their bean names, for process
 * tests on a plain engine (no Spring context), before each test and removes them after. Nothing
 * is stubbed. Use with {@code @ExtendWith(PilotBeans.class)}.
 */
public final class PilotBeans implements BeforeEachCallback, AfterEachCallback {

  public static final UnitDirectory UNITS = load();
  /** The settings of application.yaml that the beans read: Thái Bình, Vietnam's time zone. */
  public static final OrganisationProperties ORGANISATION = new OrganisationProperties(null, "34");
  public static final TimeZoneProperties TIME = new TimeZoneProperties(ZoneId.of("Asia/Ho_Chi_Minh"));
  public static final TaskCalendar CALENDAR = new TaskCalendar(TIME);
  public static final NotificationProperties MAIL =
      new NotificationProperties("http://localhost:8080", "no-reply@demo.thanthien.local", "R3/PT5M");

  @Override
  public void beforeEach(ExtensionContext context) {
    register();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
  }

  private static void register() {
    Mocks.register("programmeContext", new ProgrammeContext(UNITS, ORGANISATION, TIME));
    Mocks.register("districtSelectionValidator", new DistrictSelectionValidator(UNITS));
    Mocks.register("districtSelectionRecorder", new DistrictSelectionRecorder());
    Mocks.register("districtResultsCollector", new DistrictResultsCollector());
    Mocks.register("districtInterimCollector", new DistrictInterimCollector());
    Mocks.register("communeInterimCollector", new CommuneInterimCollector());
    Mocks.register("reviewTimers", new ReviewTimers(TIME));
    Mocks.register("districtContext", new DistrictContext(UNITS));
    Mocks.register("pilotSelectionValidator", new PilotSelectionValidator(UNITS));
    Mocks.register("pilotSelectionRecorder", new PilotSelectionRecorder(UNITS));
    Mocks.register("rolloutCandidates", new RolloutCandidates(UNITS));
    Mocks.register("rolloutPlanValidator", new RolloutPlanValidator(UNITS));
    Mocks.register("rolloutPlanRecorder", new RolloutPlanRecorder());
    Mocks.register("communeResultsCollector", new CommuneResultsCollector());
    Mocks.register("communeContext", new CommuneContext(UNITS));
    Mocks.register("launchValidator", new LaunchValidator(TIME));
    Mocks.register("reportScheduler", new ReportScheduler(TIME));
    Mocks.register("communeDisplayTexts", new CommuneDisplayTexts(TIME));
    Mocks.register("documentLinks", new DocumentLinks(UNITS));
    Mocks.register("reportValidator", new ReportValidator());
    Mocks.register("reportRecorder", new ReportRecorder());
    // the citizens' survey counts answers in the application's database (SurveyOverHttpTest, SurveyBrowserTest)
    Mocks.register("surveyTaskTexts", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
    Mocks.register("scoreValidator", new ScoreValidator());
    Mocks.register("taskCalendar", CALENDAR);
    Mocks.register("oneRunningProgramme", new OneRunningProgramme(TIME));
    Mocks.register("oneDistrictPilotPerProgramme", new OneDistrictPilotPerProgramme(TIME));
  }

  /**
   * The application's calendar plugin (reminders, escalation to the level above), for
   * camunda-process-test.cfg.xml: e-mail is off, as in an application without a mail server.
   */
  public static LateWorkPlugin lateWorkPlugin() {
    MailDelivery mailOff = new MailDelivery(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class), MAIL);
    return new LateWorkPlugin(new LateWorkJobHandler(new LateWorkMail(mailOff), UNITS, MAIL, TIME), CALENDAR);
  }

  private static UnitDirectory load() {
    try (InputStream csv = PilotBeans.class.getResourceAsStream(
        "/organisation/units-thai-binh-2023-04-10.csv")) {
      return UnitDirectory.read(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
