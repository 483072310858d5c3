package vn.thanthien.pilot.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.LoopbackHttp;

/**
 * A flood on the public survey page ({@code /survey/{code}}) while an official works: several
 * clients on loopback, each request from another loopback address (127.0.x.y, so that the
 * per-address limit does not stop them at once: the per-commune limit does), open the page and
 * send an answer as fast as they can; meanwhile one commune official opens Tasklist (its filters
 * with counts and the first page) again and again. Records the answers handled per second (every
 * second of the flood: p50, p95), the time of one answer (p50, p95), how many were counted and
 * refused, and the official's Tasklist latencies during the flood.
 */
final class SurveyFlood {

  static final Pattern TOKEN = Pattern.compile("name=\"t\" value=\"([^\"]+)\"");
  static final String ANSWER = "&q-thai-do=5&q-thoi-gian=4&q-cong-khai=5&q-so-lan-di-lai=4&q-co-so-vat-chat=5&q-chung=5";

  private final int port;
  private final ApiClient api;

  SurveyFlood(ApiClient api, int port) {
    this.api = api;
    this.port = port;
  }

  Map<String, Object> run(String commune, String official, int clients, Duration length) throws Exception {
    long start = System.nanoTime();
    long end = start + length.toNanos();
    int seconds = (int) Math.max(1, length.toSeconds());
    AtomicLongArray perSecond = new AtomicLongArray(seconds + 1);
    ConcurrentLinkedQueue<Double> answerMillis = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> flooders = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      flooders.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          int n = sequence.getAndIncrement();
          // 127.0.1.2 … 127.0.250.251: never 127.0.0.x, where a benchmark may list a proxy
          LoopbackHttp from = new LoopbackHttp("127.0." + (1 + (n / 250) % 250) + "." + (2 + n % 250), port);
          long sent = System.nanoTime();
          LoopbackHttp.Reply page = from.send("GET", "/survey/" + commune, null);
          Matcher token = TOKEN.matcher(page.body());
          int status = page.status();
          if (token.find()) {
            status = from.send("POST", "/survey/" + commune, "t=" + token.group(1) + ANSWER,
                "Content-Type", "application/x-www-form-urlencoded").status();
          }
          long done = System.nanoTime();
          answerMillis.add((done - sent) / 1e6);
          statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
          int second = (int) ((done - start) / 1_000_000_000L);
          if (second < perSecond.length()) {
            perSecond.incrementAndGet(second);
          }
        }
        return null;
      }));
    }
    QueryLatencies tasklist = new QueryLatencies(api);
    long seen = 0;
    while (System.nanoTime() < end) {
      seen += tasklist.officialsOpenTasklist(List.of(official), 1);
    }
    for (Future<?> flooder : flooders) {
      flooder.get();
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);

    Latencies answers = new Latencies();
    answerMillis.forEach(answers::add);
    Latencies rates = new Latencies();
    for (int s = 0; s < seconds; s++) {
      rates.add(perSecond.get(s));
    }
    Map<String, Integer> byStatus = new TreeMap<>();
    statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.get()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("commune", commune);
    summary.put("clients", clients);
    summary.put("seconds", seconds);
    summary.put("answersSent", answerMillis.size());
    summary.put("answersCounted", byStatus.getOrDefault("200", 0));
    summary.put("statuses", byStatus);
    summary.put("answersPerSecondP50", Benchmark.round(rates.percentile(50)));
    summary.put("answersPerSecondP95", Benchmark.round(rates.percentile(95)));
    summary.put("answer", answers.summary());
    Map<String, Object> officialSummary = tasklist.summary();
    officialSummary.put("official", official);
    officialSummary.put("tasksSeenOnFirstPages", seen);
    summary.put("tasklistDuringFlood", officialSummary);
    summary.put("tasklistP95Millis", Benchmark.round(Math.max(tasklist.filterCounts.percentile(95),
        tasklist.filterFirstPage.percentile(95))));
    return summary;
  }
}
