package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;

/**
 * Two officials completing the same task at once, or a task completed already: one clear 4xx
 * answer with a Vietnamese message, never 500, on the REST API and on the webapps' engine API
 * (Tasklist's {@code submit-form} and {@code complete}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionConflictOverHttpTest {

  static final String REST = "/engine-rest/task/";
  static final String WEBAPP = "/camunda/api/engine/engine/default/task/";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  ApiClient api;
  ApiClient.WebSession tasklist;
  ExecutorService pool;

  @BeforeAll
  void logIn() {
    api = new ApiClient(port);
    tasklist = api.login("xa12679", "tasklist");
    assertThat(tasklist.login.status()).isEqualTo(200);
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  void stop() {
    pool.shutdownNow();
  }

  /** A Chí Hòa plan task, as the commune official (xa12679) sees it. */
  private String planTask() {
    ProcessInstance pi = runtime.createProcessInstanceByKey("commune-pilot").businessKey("12679")
        .setVariables(Variables.createVariables().putValue("communeCode", "12679")
            .putValue("communeName", "Xã Chí Hòa").putValue("districtCode", "339")
            .putValue("communeGroup", "commune-12679").putValue("districtGroup", "district-339")
            .putValue("provinceCode", "34").putValue("tier", "province").putValue("periodEnd", "2025-12-31")
            .putValue("reportCycle", "P3M").putValue("appraisalRound", 0).putValue("reportNumber", 0))
        .startBeforeActivity("DraftPlan").execute();
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    tasks.claim(taskId, "xa12679");
    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, "xa12679", taskId);
    return taskId;
  }

  private static Map<String, Object> plan(String by) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int area = 1; area <= 5; area++) {
      variables.put("planArea" + area, Map.of("value", "Nội dung tiêu chí " + area + " (" + by + ")"));
    }
    variables.put("plannedLaunchDate", Map.of("value", "2023-09-01"));
    variables.put("planResponsible", Map.of("value", "Chủ tịch UBND xã"));
    return Map.of("variables", variables);
  }

  /** One official's way of completing: which API, which endpoint. */
  private Function<String, Reply> way(String name) {
    return switch (name) {
      case "rest-complete" -> id -> api.post("xa12679", REST + id + "/complete", plan(name));
      case "rest-submit" -> id -> api.post("xa12679", REST + id + "/submit-form", plan(name));
      case "web-complete" -> id -> tasklist.post(WEBAPP + id + "/complete", plan(name));
      case "web-submit" -> id -> tasklist.post(WEBAPP + id + "/submit-form", plan(name));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static void assertClearRefusal(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isIn(404, 409);
    String message = reply.json().path("message").asText();
    if (reply.status() == 409) {
      assertThat(message).contains("vừa được người khác hoàn thành");
    } else {
      assertThat(message).contains("Công việc này không còn");
    }
    assertThat(message).contains("chưa được lưu");
  }

  @Test
  void twoOfficialsCompletingTheSameTaskAtOnceGetOne204AndOneClearRefusal() throws Exception {
    String[][] pairs = {
        {"rest-complete", "rest-complete"}, {"web-submit", "web-submit"}, {"web-complete", "rest-submit"},
        {"rest-complete", "web-submit"}, {"rest-submit", "web-complete"}, {"web-submit", "rest-complete"}};
    Map<Integer, Integer> refusals = new java.util.TreeMap<>();
    for (int round = 0; round < 5; round++) {
      for (String[] pair : pairs) {
        String taskId = planTask();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Reply>> replies = new ArrayList<>();
        for (String official : pair) {
          Function<String, Reply> completion = way(official);
          replies.add(pool.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return completion.apply(taskId);
          }));
        }
        List<Reply> answers = new ArrayList<>();
        for (Future<Reply> reply : replies) {
          answers.add(reply.get(60, TimeUnit.SECONDS));
        }
        assertThat(answers).as(String.join(" + ", pair)).extracting(Reply::status).containsOnlyOnce(204);
        Reply refused = answers.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
        assertClearRefusal(refused);
        refusals.merge(refused.status(), 1, Integer::sum);
        // The one completion that was acknowledged is the one kept.
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime()).isNotNull();
      }
    }
    System.out.println("Concurrent completions refused, by status: " + refusals);
  }

  @Test
  void completingATaskAlreadyCompletedAnswers404WithAVietnameseMessageOnBothApis() {
    String taskId = planTask();
    assertThat(way("rest-complete").apply(taskId).status()).isEqualTo(204);
    for (String again : List.of("rest-complete", "rest-submit", "web-complete", "web-submit")) {
      Reply reply = way(again).apply(taskId);
      assertThat(reply.status()).as(again + ": " + reply.body()).isEqualTo(404);
      assertClearRefusal(reply);
    }
  }

  @Test
  void aValueTooLongForTheDatabaseAnswers400WithAVietnameseMessage() {
    String taskId = planTask();
    String processInstanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    Reply rest = api.send("admin", java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/engine-rest/process-instance/" + processInstanceId + "/variables/ghiChu"))
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"value\":\"" + "x".repeat(4001) + "\",\"type\":\"String\"}")), null);
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.json().path("message").asText()).contains("dài quá giới hạn lưu trữ");
  }
}
