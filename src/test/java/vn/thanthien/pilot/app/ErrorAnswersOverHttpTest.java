package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * What an attacker sends to see the server fail, over real HTTP, anonymously and as an official
 * (HTTP Basic on {@code /engine-rest}, a webapp session with its CSRF token on
 * {@code /camunda/api/...}): malformed ids, wrong query parameters, variables of unknown types or
 * broken content, Java-serialized objects, deep JSON, odd paths and methods, the error path
 * itself. No answer may be a 5xx, name a Java class or show a stack frame; an answer in JSON with
 * a message says it in Vietnamese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ErrorAnswersOverHttpTest {

  static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z]");
  static final Pattern STACK_FRAME = Pattern.compile("(^|\\s)at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\tat ");
  static final Pattern VIETNAMESE = Pattern.compile(
      "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", Pattern.CASE_INSENSITIVE);
  static final String JSON_TYPE = "application/json";
  static final String OFFICIAL = "xa12679";
  static final String PROVINCE = "tinh34";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A list that java.util.ArrayList serializes to, as the review sent it. */
  static final String JAVA_SERIALIZED = "{\"type\":\"Object\",\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJ"
      + "AARzaXpleHAAAAAAdwQAAAAAeA==\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
      + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  ApiClient api;
  String instance;
  String task;
  List<String> programmesBefore;
  final List<String> failures = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    programmesBefore = programmes();
    instance = runtime.startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "district", "2025-12-31")).getId();
    Task draft = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    task = draft.getId();
    tasks.claim(task, OFFICIAL);
  }

  @AfterEach
  void tearDown() {
    runtime.createProcessInstanceQuery().processInstanceId(instance).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test ended"));
    List<String> started = programmes();
    started.removeAll(programmesBefore);
    assertThat(started).as("no bad start started a programme").isEmpty();
  }

  private List<String> programmes() {
    return new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").list()
        .stream().map(pi -> pi.getId()).toList());
  }

  /** The answer, checked against the rules; a breach is collected, so that one run shows them all. */
  private ApiClient.Reply check(String what, ApiClient.Reply reply) {
    String body = reply.body() == null ? "" : reply.body();
    String where = what + " → " + reply.status() + " " + body.substring(0, Math.min(body.length(), 300));
    if (reply.status() >= 500) {
      failures.add("5xx: " + where);
    }
    if (CLASS_NAME.matcher(body).find()) {
      failures.add("Java class name: " + where);
    }
    if (STACK_FRAME.matcher(body).find()) {
      failures.add("stack frame: " + where);
    }
    String contentType = reply.raw().headers().firstValue("Content-Type").orElse("");
    if (contentType.contains("json") && body.startsWith("{")) {
      JsonNode json = reply.json();
      if (json.has("message") && !VIETNAMESE.matcher(json.path("message").asText()).find()) {
        failures.add("message not Vietnamese: " + where);
      }
      if (json.has("error") && !json.has("message")) {
        failures.add("Spring Boot's error body: " + where);
      }
    }
    return reply;
  }

  private ApiClient.Reply send(String user, String method, String path, String contentType, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return check((user == null ? "anonymous " : user + " ") + method + " " + path
        + (body == null ? "" : " " + body.substring(0, Math.min(body.length(), 80))), api.send(user, request, null));
  }

  private ApiClient.Reply send(String user, String method, String path, String body) {
    return send(user, method, path, body == null ? null : JSON_TYPE, body, Map.of());
  }

  private ApiClient.Reply session(ApiClient.WebSession session, String what, String method, String path,
      String contentType, String body) {
    return check(what + " " + method + " " + path, session.raw(method, path, contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
  }

  /** A visitor who opened Tasklist (and so holds its CSRF token and cookie) but has not logged in. */
  private ApiClient.Reply visitor(String method, String path, String contentType, String body) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(api.base()
          + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
          .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElse(""))
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return check("visitor " + method + " " + path + " " + body,
          new ApiClient.Reply(response.statusCode(), response.body(), response));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(String type, String value, String valueInfo) {
    return "{\"type\":\"" + type + "\",\"value\":" + value + (valueInfo == null ? "" : ",\"valueInfo\":" + valueInfo) + "}";
  }

  /** Variables of every type with content that does not fit it. */
  static List<String> badValues() {
    String json = "{\"serializationDataFormat\":\"application/json\",\"objectTypeName\":";
    return List.of(JAVA_SERIALIZED,
        value("Bogus", "\"x\"", null),
        value("Json", "\"{broken\"", null),
        value("Json", "\"" + "[".repeat(3000) + "\"", null),
        value("Xml", "\"<a><b></a>\"", null),
        value("Bytes", "\"***not base64***\"", null),
        value("File", "\"***not base64***\"", "{\"filename\":\"a.txt\"}"),
        value("Integer", "\"abc\"", null),
        value("Long", "\"99999999999999999999999\"", null),
        value("Double", "\"x\"", null),
        value("Boolean", "\"maybe\"", null),
        value("Date", "\"yesterday\"", null),
        value("Object", "\"{broken\"", json + "\"java.util.ArrayList\"}"),
        value("Object", "\"[]\"", json + "\"no.such.Type\"}"),
        value("Object", "\"x\"", null),
        value("Object", "\"x\"", "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"bogus/format\"}"),
        value("String", "\"x\"", "\"not an object\""));
  }

  static List<String> badQueries() {
    return List.of("maxResults=abc", "firstResult=-1", "maxResults=-5", "maxResults=99999999999999999999",
        "sortBy=bogus&sortOrder=asc", "sortBy=name&sortOrder=sideways", "sortBy=name", "dueBefore=yesterday",
        "dueBefore=2025-13-45T99:00:00", "createdAfter=2025-01-01", "priority=abc", "active=maybe",
        "processVariables=bogus", "processVariables=a_zz_b", "candidateGroups=%00", "taskId=%00");
  }

  static List<String> badIds() {
    return List.of("/task/nope", "/task/%00", "/task/" + "9".repeat(300), "/task/nope/variables",
        "/task/nope/variables/x", "/task/nope/form", "/process-instance/nope", "/process-instance/nope/variables",
        "/process-definition/nope/xml", "/history/process-instance/nope", "/variable-instance/nope/data",
        "/history/process-instance?startedAfter=bad", "/no-such-resource", "/task/..%2F..%2Fprocess-instance",
        "/task/../process-instance");
  }

  @Test
  void nothingAnAttackerSendsToTheRestApiFailsTheServerOrLeaksItsInsides() throws Exception {
    String rest = "/engine-rest";
    for (String user : new String[] {OFFICIAL, null}) {
      for (String query : badQueries()) {
        send(user, "GET", rest + "/task?" + query, null);
        send(user, "POST", rest + "/task?" + query, "{}");
      }
      for (String id : badIds()) {
        send(user, "GET", rest + id, null);
        send(user, "GET", rest + id, null, null, Map.of("Accept", "text/html"));
      }
      for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PATCH", "DELETE", "PUT")) {
        send(user, method, rest + "/task/nope", null);
      }
    }
    String path = rest + "/task/" + task;
    for (String bad : badValues()) {
      send(OFFICIAL, "POST", path + "/complete", "{\"variables\":{\"planArea1\":" + bad + "}}");
      send(OFFICIAL, "POST", path + "/submit-form", "{\"variables\":{\"planArea1\":" + bad + "}}");
      send(PROVINCE, "POST", rest + "/process-definition/key/pilot-programme/start",
          "{\"variables\":{\"decisionNumber\":" + bad + "}}");
      send("admin", "PUT", path + "/variables/x", bad);
      send("admin", "PUT", rest + "/process-instance/" + instance + "/variables/x", bad);
      send("admin", "POST", rest + "/process-instance/" + instance + "/variables", "{\"modifications\":{\"x\":" + bad + "}}");
    }
    String deep = "[".repeat(5000) + "]".repeat(5000);
    send(OFFICIAL, "POST", path + "/complete", deep);
    send(OFFICIAL, "POST", path + "/complete", "{\"variables\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}");
    send(OFFICIAL, "POST", path + "/complete", "{\"variables\":{\"planArea1\":{\"value\":" + deep + ",\"type\":\"Json\"}}}");
    send(OFFICIAL, "POST", path + "/complete", "{\"variables\":{\"planArea1\":{\"value\":1e999999}}}");
    send(OFFICIAL, "POST", path + "/complete", "{\"variables\":{\"planArea1\":{\"value\":123456789012345678901234567890}}}");
    send(OFFICIAL, "POST", rest + "/task", "{\"sorting\":[{\"sortBy\":\"bogus\",\"sortOrder\":\"asc\"}]}");
    send(OFFICIAL, "POST", rest + "/task", "{\"processVariables\":[{\"name\":\"a\",\"operator\":\"bogus\",\"value\":1}]}");
    send(OFFICIAL, "POST", rest + "/task", "{\"dueBefore\":\"yesterday\"}");
    send(OFFICIAL, "POST", rest + "/process-instance", "{\"variables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":{\"x\":1}}]}");
    send(OFFICIAL, "POST", rest + "/message", "{\"messageName\":\"no-such-message\"}");
    send(OFFICIAL, "POST", rest + "/message", "{}");
    send(OFFICIAL, "POST", rest + "/signal", "{}");
    send(OFFICIAL, "POST", rest + "/task/nope/claim", "{\"userId\":\"" + OFFICIAL + "\"}");
    send(OFFICIAL, "POST", rest + "/task/nope/complete", "{}");
    send(OFFICIAL, "POST", rest + "/task/nope/complete", "not json");
    send(OFFICIAL, "POST", rest + "/task/nope/complete", "text/plain", "{}", Map.of());
    send(OFFICIAL, "POST", rest + "/execution/nope/localVariables", "{}");
    send("admin", "POST", path + "/variables/x/data", "multipart/form-data; boundary=zz", "x", Map.of());
    send("admin", "POST", rest + "/deployment/create", "multipart/form-data; boundary=zz",
        "--zz\r\nContent-Disposition: form-data; name=\"a.bpmn\"; filename=\"a.bpmn\"\r\n\r\n<broken\r\n--zz--\r\n", Map.of());
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
  }

  @Test
  void theWebappsOwnApisAnswerAlike() {
    ApiClient.WebSession session = api.login(PROVINCE, "tasklist");
    ApiClient.WebSession official = api.login(OFFICIAL, "tasklist");
    String engine = "/camunda/api/engine/engine/default";
    for (String query : badQueries()) {
      session(session, PROVINCE, "GET", engine + "/task?" + query, null, null);
    }
    for (String id : badIds()) {
      session(session, PROVINCE, "GET", engine + id, null, null);
    }
    for (String bad : badValues()) {
      session(official, OFFICIAL, "POST", engine + "/task/" + task + "/submit-form", JSON_TYPE,
          "{\"variables\":{\"planArea1\":" + bad + "}}");
      session(official, OFFICIAL, "POST", engine + "/task/" + task + "/complete", JSON_TYPE,
          "{\"variables\":{\"planArea1\":" + bad + "}}");
      session(session, PROVINCE, "POST", engine + "/process-definition/key/pilot-programme/start", JSON_TYPE,
          "{\"variables\":{\"decisionNumber\":" + bad + "}}");
      session(official, OFFICIAL, "PUT", engine + "/task/" + task + "/variables/x", JSON_TYPE, bad);
    }
    session(session, PROVINCE, "POST", engine + "/process-instance", JSON_TYPE,
        "{\"variables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":{\"x\":1}}]}");
    session(session, PROVINCE, "POST", engine + "/task/nope/complete", JSON_TYPE, "{broken");
    session(session, PROVINCE, "POST", engine + "/task/nope/claim", JSON_TYPE, "{\"userId\":\"" + PROVINCE + "\"}");
    for (String path : List.of("/camunda/api/cockpit/plugin/nope/default/x",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count?firstResult=abc",
        "/camunda/api/cockpit/plugin/base/default/incident?maxResults=-1",
        "/camunda/api/cockpit/plugin/programme-summary/default/summary?district=x",
        "/camunda/api/admin/plugin/nope", "/camunda/api/admin/auth/user/default/nope",
        "/camunda/api/admin/setup/default/user/create", "/camunda/api/tasklist/plugin/nope",
        "/camunda/api/tasklist/nope", "/camunda/api/welcome/nope", "/camunda/api/engine/engine/nope/task",
        "/camunda/api/engine/engine/%00/task")) {
      session(session, PROVINCE, "GET", path, null, null);
    }
    session(session, PROVINCE, "POST", "/camunda/api/cockpit/plugin/base/default/process-instance", JSON_TYPE,
        "{\"variables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":{\"x\":1}}]}");
    session(session, PROVINCE, "POST", "/camunda/api/cockpit/plugin/base/default/process-instance", JSON_TYPE,
        "{\"activityIdIn\":\"not a list\"}");
    session(session, PROVINCE, "POST", "/camunda/api/admin/setup/default/user/create", JSON_TYPE, "{broken");
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      visitor("POST", "/camunda/api/admin/auth/user/default/login/" + app, JSON_TYPE,
          "{\"username\":\"" + OFFICIAL + "\",\"password\":\"x\"}");
    }
    visitor("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "text/plain", "username=x");
    visitor("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null, "");
    send(null, "GET", engine + "/task", null);
    send(null, "GET", engine + "/task", null, null, Map.of("Accept", "text/html"));
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void theOtherAddressesAnswerAlike() {
    for (String user : new String[] {PROVINCE, null}) {
      for (String path : List.of("/api/programme/summary?district=abc", "/api/programme/summary?district=1&district=2",
          "/api/programme/summary.xlsx?district=%00", "/api/programme/nope", "/api", "/api/", "/api/%00",
          "/api/programme/summary/..%2F..", "/error/x", "/actuator", "/actuator/nope", "/actuator/health/%00",
          "/nope", "/camunda/nope", "/camunda/api/nope", "/%00", "/..%2F..%2Fetc/passwd")) {
        send(user, "GET", path, null);
        send(user, "GET", path, null, null, Map.of("Accept", "text/html"));
      }
      for (String path : List.of("/error", "/api/programme/summary", "/actuator/health", "/engine-rest/task", "/nope")) {
        for (String method : List.of("HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE")) {
          send(user, method, path, method.startsWith("P") ? "{}" : null);
        }
      }
    }
    send(PROVINCE, "GET", "/api/programme/summary", null, null, Map.of("Accept", "text/html"));
    send(PROVINCE, "GET", "/api/programme/summary", null, null, Map.of("Accept", "application/xml"));
    send(PROVINCE, "GET", "/api/programme/summary.xlsx", null, null, Map.of("Accept", "application/json"));
    send(null, "GET", "/actuator/health", null, null, Map.of("Accept", "text/html"));
    // refused by Tomcat itself, before any filter: still the application's JSON, in Vietnamese
    for (String path : List.of("/%00", "/engine-rest/task/..%2F..%2Fprocess-instance")) {
      ApiClient.Reply container = send(null, "GET", path, null);
      assertThat(container.status()).isEqualTo(400);
      assertThat(container.json().path("message").asText()).as(container.body()).startsWith("Yêu cầu không hợp lệ");
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void theErrorPathCalledDirectlyDoesNotExist() {
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      for (String user : new String[] {PROVINCE, null}) {
        ApiClient.Reply reply = send(user, method, "/error", method.startsWith("P") ? "{}" : null);
        assertThat(reply.status()).as(method + " " + reply.body()).isEqualTo(404);
        assertThat(reply.json().path("message").asText()).isEqualTo("Không có địa chỉ này.");
      }
    }
    ApiClient.Reply page = send(null, "GET", "/error", null, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("Không có địa chỉ này.").doesNotContain("Whitelabel");
    assertThat(send(null, "HEAD", "/error", null).status()).isEqualTo(404);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void aJavaSerializedObjectIsRefusedWith400Everywhere() {
    String message = "được gửi dưới dạng đối tượng Java tuần tự hóa";
    String rest = "/engine-rest";
    ApiClient.Reply start = send(PROVINCE, "POST", rest + "/process-definition/key/pilot-programme/start",
        "{\"variables\":{\"decisionNumber\":" + JAVA_SERIALIZED + "}}");
    assertThat(start.status()).as(start.body()).isEqualTo(400);
    assertThat(start.json().path("message").asText()).contains("«decisionNumber»").contains(message);
    ApiClient.Reply complete = send(OFFICIAL, "POST", rest + "/task/" + task + "/complete",
        "{\"variables\":{\"planArea1\":" + JAVA_SERIALIZED + "}}");
    assertThat(complete.status()).as(complete.body()).isEqualTo(400);
    assertThat(complete.json().path("message").asText()).contains(message);
    for (String path : List.of(rest + "/task/" + task + "/variables/x", rest + "/process-instance/" + instance + "/variables/x")) {
      ApiClient.Reply put = send("admin", "PUT", path, JAVA_SERIALIZED);
      assertThat(put.status()).as(put.body()).isEqualTo(400);
      assertThat(put.json().path("message").asText()).contains("«x»").contains(message);
    }
    ApiClient.WebSession tasklist = api.login(OFFICIAL, "tasklist");
    ApiClient.Reply webapp = session(tasklist, OFFICIAL, "POST", "/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", JSON_TYPE, "{\"variables\":{\"planArea1\":" + JAVA_SERIALIZED + "}}");
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(400);
    assertThat(webapp.json().path("message").asText()).contains(message);
    ApiClient.WebSession admin = api.login("admin", "cockpit");
    ApiClient.Reply webappPut = session(admin, "admin", "PUT", "/camunda/api/engine/engine/default/process-instance/"
        + instance + "/variables/x", JSON_TYPE, JAVA_SERIALIZED);
    assertThat(webappPut.status()).as(webappPut.body()).isEqualTo(400);
    assertThat(runtime.getVariable(instance, "x")).isNull();
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void brokenJsonIsRefusedWhenSetNotWhenReadLater() {
    ApiClient.Reply put = send("admin", "PUT", "/engine-rest/process-instance/" + instance + "/variables/x",
        value("Json", "\"{broken\"", null));
    assertThat(put.status()).as(put.body()).isEqualTo(400);
    assertThat(put.json().path("message").asText()).contains("«x»").contains("không phải JSON đúng cú pháp");
    ApiClient.Reply read = send(OFFICIAL, "GET", "/engine-rest/process-instance/" + instance + "/variables", null);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void aLoginWithAJsonBodyIsRefusedWith415() {
    ApiClient.Reply login = visitor("POST", "/camunda/api/admin/auth/user/default/login/tasklist", JSON_TYPE,
        "{\"username\":\"" + OFFICIAL + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}");
    assertThat(login.status()).as(login.body()).isEqualTo(415);
    assertThat(login.json().path("message").asText()).contains("application/x-www-form-urlencoded");
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void camundasMessagesComeWithoutClassNamesAndInVietnamese() {
    // only an administrator reaches Camunda's own answer to a message (officials are refused before)
    ApiClient.Reply message = send("admin", "POST", "/engine-rest/message", "{\"messageName\":\"no-such-message\"}");
    assertThat(message.status()).as(message.body()).isBetween(400, 499);
    assertThat(message.json().path("message").asText()).doesNotContain("org.camunda").startsWith("Yêu cầu không hợp lệ");
    ApiClient.Reply refused = send(PROVINCE, "POST", "/engine-rest/message", "{\"messageName\":\"no-such-message\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).doesNotContain("org.camunda").startsWith("Chỉ hệ thống");
    ApiClient.Reply date = send(PROVINCE, "GET", "/engine-rest/task?dueBefore=yesterday", null);
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().path("message").asText()).contains("«dueBefore»").contains("«yesterday»")
        .doesNotContain("java.util");
    ApiClient.Reply negative = send(PROVINCE, "GET", "/engine-rest/task?maxResults=-5", null);
    assertThat(negative.status()).as(negative.body()).isEqualTo(400);
    assertThat(negative.json().path("message").asText()).contains("«maxResults»");
    ApiClient.Reply gone = send(OFFICIAL, "GET", "/engine-rest/task/nope/variables", null);
    assertThat(gone.status()).as(gone.body()).isEqualTo(404);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }
}
