package vn.thanthien.pilot.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.thanthien.pilot.PilotApplication;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.app.AppProcess;
import vn.thanthien.pilot.app.PeakRss;
import vn.thanthien.pilot.database.H2Housekeeping;
import vn.thanthien.pilot.database.TestPostgres;
import vn.thanthien.pilot.identity.DemoUsers;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * What a province and the whole country cost (README "Benchmark"): the whole lifecycle with
 * simulated officials through the engine's API, against the engine's floor on the same database
 * and settings, a REST variant with several officials at once, the queries of Tasklist and
 * Cockpit with the scale's history loaded, and the start-up with the scale's unit list. Writes
 * {@code target/benchmark/results.json} and {@code results.md}. Run by
 * {@code ./mvnw -B -Pbenchmark verify -Dbenchmark.scale=province|country}.
 */
public final class Benchmark {

  /** The JVM settings README documents for a small office server. */
  public static final List<String> DOCUMENTED_JVM =
      List.of("-Xmx256m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+UseSerialGC");
  static final String COUNTRY_UNITS = "src/test/resources/organisation/vn-admin-units-2023-04-10.csv";
  static final String PROVINCE = "34";

  record Settings(String scale, Path directory, int floorWarmup, int floorInstances, boolean rest, int restOfficials,
      int provinceLimit, int queryOfficials, int queryRounds, int searchKeys,
      boolean startup, String h2Options, Map<String, String> applicationSettings, boolean postgres,
      boolean reuseDatabase) {

    static Settings fromSystemProperties() {
      String scale = System.getProperty("benchmark.scale", "province");
      if (!scale.equals("province") && !scale.equals("country")) {
        throw new IllegalArgumentException("benchmark.scale must be province or country, not " + scale);
      }
      return new Settings(scale, Path.of("target", "benchmark"),
          Integer.getInteger("benchmark.floorWarmup", 300), Integer.getInteger("benchmark.floorInstances", 1000),
          Boolean.parseBoolean(System.getProperty("benchmark.rest", "true")), Integer.getInteger("benchmark.restOfficials", 4),
          Integer.getInteger("benchmark.provinces", Integer.MAX_VALUE),
          Integer.getInteger("benchmark.queryOfficials", 60), Integer.getInteger("benchmark.queryRounds", 3),
          Integer.getInteger("benchmark.searchKeys", 200),
          Boolean.parseBoolean(System.getProperty("benchmark.startup", "true")),
          System.getProperty("benchmark.h2Options", ""), applicationSettings(System.getProperty("benchmark.set", "")),
          database(System.getProperty("benchmark.database", "h2")),
          Boolean.parseBoolean(System.getProperty("benchmark.reuseDatabase", "false")));
    }

    private static boolean database(String name) {
      if (!name.equals("h2") && !name.equals("postgres")) {
        throw new IllegalArgumentException("benchmark.database must be h2 or postgres, not " + name);
      }
      return name.equals("postgres");
    }

    /** results-province.json, results-country-postgres.json, … */
    String resultsName(String extension) {
      return "results-" + scale + (postgres ? "-postgres" : "") + "." + extension;
    }

    /** {@code key=value,key=value}: application settings to try (recorded in the results). */
    private static Map<String, String> applicationSettings(String list) {
      Map<String, String> settings = new LinkedHashMap<>();
      for (String pair : list.split(",")) {
        if (pair.contains("=")) {
          settings.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
        }
      }
      return settings;
    }

    boolean country() {
      return scale.equals("country");
    }

    Path database() {
      return directory.resolve("db-" + scale).toAbsolutePath();
    }

    String h2Url() {
      return "jdbc:h2:file:" + database().resolve("pilot") + ";AUTO_SERVER=FALSE" + h2Options;
    }

    /** The unit list as a Spring resource location (null: the application's default, Thái Bình). */
    String unitsFile() {
      return country() ? "file:" + Path.of(COUNTRY_UNITS).toAbsolutePath() : null;
    }
  }

  private final Settings settings;
  /** Reads of the programme's summary timed per kind (JSON, Excel, Cockpit page). */
  static final int SUMMARY_ROUNDS = 20;
  /** Drafts of the province's final report timed (README "Văn bản dự thảo"). */
  static final int FINAL_REPORT_ROUNDS = 5;

  private final Map<String, Object> results = new LinkedHashMap<>();
  private String databaseUrl;

  private Benchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    int exit = 0;
    try {
      new Benchmark(Settings.fromSystemProperties()).run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  private void run() throws Exception {
    if (settings.postgres()) {
      databaseUrl = newPostgresDatabase();
    } else {
      if (!settings.reuseDatabase()) {
        deleteDatabase();
      }
      databaseUrl = settings.h2Url();
    }
    say("scale " + settings.scale() + ", database " + databaseUrl);
    results.put("scale", settings.scale());
    results.put("takenAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString());
    results.put("machine", machine());
    results.put("database", settings.postgres() ? "postgres" : "h2");
    results.put("databaseUrlOptions", settings.h2Options());
    results.put("applicationSettingsTried", settings.applicationSettings());
    results.put("reusedDatabase", settings.reuseDatabase());
    Map<String, Object> startup = settings.startup() && !settings.reuseDatabase() ? measureStartup()
        : new LinkedHashMap<>(Map.of("peakRssMegabytes", 0L));
    results.put("startup", startup);

    long appStart = System.nanoTime();
    Files.createDirectories(settings.directory());
    try (ConfigurableApplicationContext app = startInProcess(); Profile profile = new Profile()) {
      startup.put("inProcessStartSeconds", round((System.nanoTime() - appStart) / 1e9));
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      UnitDirectory units = app.getBean(UnitDirectory.class);
      ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

      if (settings.reuseDatabase()) {
        // what an interrupted run left running would refuse the next programme of its province
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("pilot-programme").list()
            .forEach(left -> engine.getRuntimeService().deleteProcessInstance(left.getId(),
                "benchmark: left running by an interrupted run"));
      }
      Floor floor = new Floor(engine);
      say("floor: warming up with " + settings.floorWarmup() + " instances");
      floor.run(settings.floorWarmup());
      profile.begin("floor");
      double floorBefore = floor.run(settings.floorInstances());
      profile.end();
      say(String.format("floor before the lifecycle: %.1f instances/s", floorBefore));

      Map<String, Object> lifecycle = null;
      if (!settings.reuseDatabase()) {
        profile.begin("lifecycle");
        lifecycle = runLifecycle(engine, units);
        profile.end();
      }
      results.put("profile", profile.summary());
      say("profile: " + results.get("profile"));
      double floorAfter = floor.run(settings.floorInstances());
      say(String.format("floor after the lifecycle: %.1f instances/s", floorAfter));
      results.put("floor", Floor.summary(settings.floorInstances(), floorBefore, floorAfter));
      double floorSecondsPerInstance = (1 / floorBefore + 1 / floorAfter) / 2;
      results.put("floorInstancesPerSecond", round(1 / floorSecondsPerInstance));
      if (lifecycle != null) {
        results.put("lifecycle", lifecycle);
        double lifecycleSecondsPerTask = (double) lifecycle.get("wallSeconds") / (long) lifecycle.get("tasksCompleted");
        results.put("ratio", round(lifecycleSecondsPerTask / floorSecondsPerInstance));
        results.put("wallSeconds", lifecycle.get("wallSeconds"));
        results.put("tasksCompleted", lifecycle.get("tasksCompleted"));
        results.put("tasksPerSecond", lifecycle.get("tasksPerSecond"));
      }

      if (settings.rest()) {
        results.put("rest", runOverRest(engine, units, api));
      }
      if (lifecycle != null || settings.rest()) {
        // the last finished programme: a whole province, every commune with its history
        SummaryLatencies summaries = new SummaryLatencies(api);
        say("summary: the province's official and the manager read the programme at a glance "
            + SUMMARY_ROUNDS + " times");
        summaries.measure(DemoUsers.officialOf(units.province(PROVINCE).orElseThrow()), DemoUsers.MANAGER,
            SUMMARY_ROUNDS);
        Map<String, Object> summary = summaries.summary();
        results.put("summary", summary);
        results.put("summaryP95Millis", round(summaries.json.percentile(95)));
        results.put("summaryExcelP95Millis", round(summaries.excel.percentile(95)));
        results.put("summaryCockpitP95Millis", round(summaries.cockpit.percentile(95)));
        say("summary: " + summary);
        FinalReportLatencies report = new FinalReportLatencies(api);
        say("final report: the province's official drafts the programme's final report (DOCX) "
            + FINAL_REPORT_ROUNDS + " times");
        report.measure(engine.getHistoryService(), PROVINCE, DemoUsers.officialOf(units.province(PROVINCE).orElseThrow()),
            FINAL_REPORT_ROUNDS);
        results.put("finalReport", report.summary());
        results.put("finalReportDocxMillis", round(report.docx.percentile(95)));
        say("final report: " + report.summary());
      }
      Map<String, Object> queries = measureQueries(engine, units, api);
      results.put("queries", queries);
      results.put("filterP95Millis", queries.get("filterP95Millis"));
      results.put("searchP95Millis", queries.get("searchP95Millis"));
      Map<String, Object> flood = measureSurveyFlood(engine, units, api,
          Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      results.put("surveyFlood", flood);
      results.put("surveyAnswersPerSecondP50", flood.get("answersPerSecondP50"));
      results.put("surveyAnswersPerSecondP95", flood.get("answersPerSecondP95"));
      results.put("surveyTasklistP95Millis", flood.get("tasklistP95Millis"));
      results.put("historicInstances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
      results.put("historicTasks", engine.getHistoryService().createHistoricTaskInstanceQuery().count());
      // H2: the file while the application runs, and the data live in it (H2's own figures); the
      // file is compacted when the application stops (databaseMegabytes, measured after)
      H2Housekeeping.sizes(app.getBean(DataSource.class)).ifPresent(sizes -> {
        results.put("databaseOpenMegabytes", round(sizes.fileBytes() / 1048576.0));
        results.put("databaseLiveMegabytes", round(sizes.liveBytes() / 1048576.0));
      });
    }
    results.put("peakRssMegabytes", Math.max(PeakRss.ofThisProcess(), (long) startup.get("peakRssMegabytes")));
    results.put("benchmarkProcessPeakRssMegabytes", PeakRss.ofThisProcess());
    results.put("databaseMegabytes", round(databaseBytes() / 1048576.0));
    results.put("targets", Targets.check(settings.scale(), results));
    results.put("changes", changes());
    write();
  }

  // ---------------------------------------------------------------- start-up

  /** The application in a JVM of its own with the documented settings: on an empty database, then a restart. */
  private Map<String, Object> measureStartup() throws Exception {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PILOT_DB_URL", databaseUrl);
    if (settings.postgres()) {
      environment.put("PILOT_DB_USER", TestPostgres.USER);
    }
    if (settings.unitsFile() != null) {
      environment.put("PILOT_ORGANISATION_UNITS_FILE", settings.unitsFile());
    }
    Map<String, Object> startup = new LinkedHashMap<>();
    startup.put("jvm", String.join(" ", DOCUMENTED_JVM));
    long peak = 0;
    for (String run : List.of("empty", "restart")) {
      say("start-up on " + (run.equals("empty") ? "an empty database" : "a restart") + " ...");
      long start = System.nanoTime();
      AppProcess app = new AppProcess("benchmark", "startup-" + settings.scale() + "-" + run, environment, DOCUMENTED_JVM);
      try {
        app.awaitStarted();
        double seconds = (System.nanoTime() - start) / 1e9;
        startup.put(run + "Seconds", round(seconds));
        peak = Math.max(peak, app.peakRssMegabytes());
        say(String.format("start-up (%s): %.1f s, peak RSS %d MiB", run, seconds, app.peakRssMegabytes()));
        app.stop();
      } finally {
        app.close();
      }
    }
    startup.put("peakRssMegabytes", peak);
    return startup;
  }

  private ConfigurableApplicationContext startInProcess() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", databaseUrl);
    if (settings.postgres()) {
      properties.put("spring.datasource.username", TestPostgres.USER);
    }
    properties.put("server.port", "0");
    // timers and asynchronous steps are driven by the benchmark, not waited for
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.vn.thanthien.pilot", "WARN");
    if (settings.unitsFile() != null) {
      properties.put("pilot.organisation.units-file", settings.unitsFile());
    }
    properties.putAll(settings.applicationSettings());
    // command-line arguments: they win over application.yaml (default properties would not)
    return new SpringApplicationBuilder(PilotApplication.class).run(properties.entrySet().stream()
        .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
  }

  // ---------------------------------------------------------------- the lifecycle

  private Map<String, Object> runLifecycle(ProcessEngine engine, UnitDirectory units) {
    List<AdministrativeUnit> provinces = provinces(units);
    Officials officials = Officials.onTheEngine(engine, true);
    ProgrammeWalker walker = new ProgrammeWalker(engine, units, officials, ProgrammeWalker.Calendar.THAI_BINH_08);
    AtomicReference<String> where = new AtomicReference<>("starting");
    say("lifecycle: " + provinces.size() + " province(s), officials through the engine's API");
    long start = System.nanoTime();
    int done = 0;
    double finishSeconds = 0;
    try (Progress progress = new Progress("lifecycle", officials::completed, where::get, Duration.ofSeconds(15))) {
      for (AdministrativeUnit province : provinces) {
        where.set("province " + (done + 1) + "/" + provinces.size() + " (" + province.name() + ")");
        ProcessInstance programme = walker.start(province.code(), DemoUsers.officialOf(province));
        for (ProcessInstance district : walker.chooseDistricts(programme)) {
          walker.runDistrict(district);
        }
        // the province's final step: every district's results, and the programme's end (the
        // removal time of the whole hierarchy's history is written then)
        long finish = System.nanoTime();
        walker.finish(programme);
        finishSeconds += (System.nanoTime() - finish) / 1e9;
        requireEnded(engine, programme);
        done++;
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    HistoryService history = engine.getHistoryService();
    Map<String, Object> lifecycle = new LinkedHashMap<>();
    lifecycle.put("provinces", done);
    lifecycle.put("districtPilots", history.createHistoricProcessInstanceQuery().processDefinitionKey("district-pilot").count());
    lifecycle.put("communePilots", history.createHistoricProcessInstanceQuery().processDefinitionKey("commune-pilot").count());
    lifecycle.put("calendar", ProgrammeWalker.Calendar.THAI_BINH_08);
    lifecycle.put("textsAtTheirFormsMaximumLength", true);
    lifecycle.put("wallSeconds", round(wall));
    lifecycle.put("provincesFinalStepSeconds", round(finishSeconds));
    lifecycle.put("tasksCompleted", officials.completed());
    lifecycle.put("tasksPerSecond", round(officials.completed() / wall));
    say(String.format("lifecycle: %,d tasks in %.1f s (%.1f/s)", officials.completed(), wall, officials.completed() / wall));
    return lifecycle;
  }

  private List<AdministrativeUnit> provinces(UnitDirectory units) {
    if (!settings.country()) {
      return List.of(units.province(PROVINCE).orElseThrow());
    }
    return units.allUnits().stream().filter(u -> u.level() == AdministrativeUnit.Level.PROVINCE)
        .sorted(Comparator.comparing(AdministrativeUnit::code)).limit(settings.provinceLimit()).toList();
  }

  private static void requireEnded(ProcessEngine engine, ProcessInstance programme) {
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(programme.getId()).count() > 0;
    if (incidents > 0 || running) {
      throw new IllegalStateException("programme " + programme.getBusinessKey() + " did not run to its end: "
          + incidents + " incident(s), still running: " + running);
    }
  }

  // ---------------------------------------------------------------- over REST

  /** Thái Bình again, every task completed over /engine-rest by its official, several at once. */
  private Map<String, Object> runOverRest(ProcessEngine engine, UnitDirectory units, ApiClient api) throws Exception {
    RestDelivery rest = new RestDelivery(api, engine.getTaskService(), units);
    Officials officials = new Officials(engine, true, rest);
    ProgrammeWalker walker = new ProgrammeWalker(engine, units, officials, ProgrammeWalker.Calendar.THAI_BINH_08);
    AdministrativeUnit province = units.province(PROVINCE).orElseThrow();
    say("REST: Thái Bình with " + settings.restOfficials() + " officials at once over /engine-rest");
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(settings.restOfficials());
    try (Progress progress = new Progress("REST", officials::completed, () -> rest.requests() + " requests", Duration.ofSeconds(15))) {
      ProcessInstance programme = walker.start(province.code(), DemoUsers.officialOf(province));
      List<Future<?>> districts = new ArrayList<>();
      for (ProcessInstance district : walker.chooseDistricts(programme)) {
        districts.add(pool.submit(() -> walker.runDistrict(district)));
      }
      for (Future<?> district : districts) {
        district.get();
      }
      walker.finish(programme);
      requireEnded(engine, programme);
    } finally {
      pool.shutdownNow();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("officialsAtOnce", settings.restOfficials());
    summary.put("wallSeconds", round(wall));
    summary.put("tasksCompleted", officials.completed());
    summary.put("tasksPerSecond", round(officials.completed() / wall));
    summary.put("requests", rest.requests());
    summary.put("retriedAfterConflict", rest.retries());
    say(String.format("REST: %,d tasks in %.1f s (%.1f/s), %,d requests", officials.completed(), wall,
        officials.completed() / wall, rest.requests()));
    return summary;
  }

  // ---------------------------------------------------------------- queries

  /**
   * Thái Bình starts once more and every pilot has its plan to draft; commune officials (half of
   * them with a task) open Tasklist, and the manager searches Cockpit's history by commune code.
   */
  private Map<String, Object> measureQueries(ProcessEngine engine, UnitDirectory units, ApiClient api) {
    ProgrammeWalker walker = new ProgrammeWalker(engine, units, Officials.onTheEngine(engine, true),
        ProgrammeWalker.Calendar.THAI_BINH_08);
    AdministrativeUnit province = units.province(PROVINCE).orElseThrow();
    ProcessInstance programme = walker.start(province.code(), DemoUsers.officialOf(province));
    List<String> withWork = new ArrayList<>();
    for (ProcessInstance district : walker.chooseDistricts(programme)) {
      walker.startPilots(district).forEach(pilot -> withWork.add(pilot.getBusinessKey()));
    }
    List<String> withoutWork = units.districtsOf(PROVINCE).stream()
        .flatMap(d -> units.communesOf(d.code()).stream()).map(AdministrativeUnit::code)
        .filter(code -> !withWork.contains(code)).toList();
    int half = settings.queryOfficials() / 2;
    List<String> officials = Stream.concat(withWork.stream().limit(half), withoutWork.stream().limit(half))
        .map(code -> DemoUsers.officialOf(units.commune(code).orElseThrow())).toList();
    List<String> codes = new ArrayList<>(units.allUnits().stream()
        .filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE).map(AdministrativeUnit::code).toList());
    Collections.shuffle(codes, new Random(8));
    List<String> keys = codes.subList(0, Math.min(settings.searchKeys(), codes.size()));

    say("queries: " + officials.size() + " commune officials open Tasklist " + settings.queryRounds()
        + " times; the manager searches " + keys.size() + " codes in Cockpit");
    QueryLatencies queries = new QueryLatencies(api);
    long seen = queries.officialsOpenTasklist(officials, settings.queryRounds());
    long found = queries.managerSearches(DemoUsers.MANAGER, keys);
    Map<String, Object> summary = queries.summary();
    summary.put("tasksSeenOnFirstPages", seen);
    summary.put("instancesFound", found);
    summary.put("filterP95Millis", round(Math.max(queries.filterCounts.percentile(95), queries.filterFirstPage.percentile(95))));
    summary.put("searchP95Millis", round(queries.searchByBusinessKey.percentile(95)));
    say("queries: " + summary);
    return summary;
  }

  /**
   * The citizens' survey flooded on loopback ({@link SurveyFlood}) for {@value #SURVEY_FLOOD_SECONDS} s
   * by {@value #SURVEY_FLOOD_CLIENTS} clients, while the official of the flooded commune (one whose
   * pilot {@link #measureQueries} started) opens Tasklist. A failure is recorded, not thrown: the
   * other figures stand.
   */
  private Map<String, Object> measureSurveyFlood(ProcessEngine engine, UnitDirectory units, ApiClient api, int port) {
    try {
      List<ProcessInstance> pilots = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("commune-pilot").listPage(0, 1);
      if (pilots.isEmpty()) {
        return new LinkedHashMap<>(Map.of("skipped", "no running commune pilot"));
      }
      String code = pilots.get(0).getBusinessKey();
      String official = DemoUsers.officialOf(units.commune(code).orElseThrow());
      say("survey: " + SURVEY_FLOOD_CLIENTS + " clients flood /survey/" + code + " for " + SURVEY_FLOOD_SECONDS
          + " s while " + official + " opens Tasklist");
      Map<String, Object> flood = new SurveyFlood(api, port).run(code, official, SURVEY_FLOOD_CLIENTS,
          java.time.Duration.ofSeconds(SURVEY_FLOOD_SECONDS));
      say("survey: " + flood);
      return flood;
    } catch (Exception e) {
      say("survey flood failed: " + e);
      return new LinkedHashMap<>(Map.of("error", String.valueOf(e)));
    }
  }

  static final int SURVEY_FLOOD_CLIENTS = 4;
  static final int SURVEY_FLOOD_SECONDS = 20;

  // ---------------------------------------------------------------- output

  private void write() throws IOException {
    Path directory = Files.createDirectories(settings.directory());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(directory.resolve("results.json").toFile(), results);
    json.writeValue(directory.resolve(settings.resultsName("json")).toFile(), results);
    String table = Targets.markdown(results);
    Files.writeString(directory.resolve("results.md"), table);
    Files.writeString(directory.resolve(settings.resultsName("md")), table);
    say("results: " + directory.resolve("results.json").toAbsolutePath() + "\n" + table);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> changes() throws IOException {
    try (InputStream in = Benchmark.class.getResourceAsStream("/benchmark/changes.json")) {
      return in == null ? List.of() : new ObjectMapper().readValue(in, List.class);
    }
  }

  private Map<String, Object> machine() throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
          .ifPresent(l -> machine.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
    }
    machine.put("memoryGigabytes", round(((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("jvm", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    machine.put("database", settings.postgres()
        ? "PostgreSQL (embedded, io.zonky.test; synchronous_commit on: every commit flushed to disk)" : "H2 file");
    return machine;
  }

  private void deleteDatabase() throws IOException {
    if (Files.exists(settings.database())) {
      try (Stream<Path> files = Files.walk(settings.database())) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private long databaseBytes() throws IOException {
    if (settings.postgres()) {
      try (Connection connection = DriverManager.getConnection(databaseUrl, TestPostgres.USER, "");
          ResultSet size = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
        size.next();
        return size.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    try (Stream<Path> files = Files.walk(settings.database())) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  /**
   * An empty database on the embedded PostgreSQL server the tests use, with every commit flushed
   * to disk before it is acknowledged (zonky's server does not, by default).
   */
  private static String newPostgresDatabase() throws SQLException {
    String url = TestPostgres.newDatabase("benchmark");
    try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, "")) {
      String name = connection.getCatalog();
      connection.createStatement().execute("ALTER DATABASE " + name + " SET synchronous_commit TO on");
    }
    return url;
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static void say(String line) {
    System.out.println("[benchmark " + java.time.LocalTime.now().withNano(0) + "] " + line);
    System.out.flush();
  }
}
