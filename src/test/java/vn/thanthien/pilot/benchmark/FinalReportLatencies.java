package vn.thanthien.pilot.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import vn.thanthien.pilot.access.ApiClient;

/**
 * The province's final report as its official downloads it ({@code GET
 * /api/process-instances/{id}/documents/final-report.docx}, README "Văn bản dự thảo"): the draft of
 * the last programme of the province, every commune of it in its table, timed over HTTP. The first
 * call warms up and is not counted.
 */
final class FinalReportLatencies {

  final Latencies docx = new Latencies();
  private final ApiClient api;
  private int communeRows;
  private long bytes;

  FinalReportLatencies(ApiClient api) {
    this.api = api;
  }

  void measure(HistoryService history, String provinceCode, String provinceOfficial, int rounds) {
    HistoricProcessInstance programme = history.createHistoricProcessInstanceQuery().processDefinitionKey("pilot-programme")
        .variableValueEquals("provinceCode", provinceCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    String path = "/api/process-instances/" + programme.getId() + "/documents/final-report.docx";
    ok(api.download(provinceOfficial, path));
    for (int round = 0; round < rounds; round++) {
      HttpResponse<byte[]> reply = ok(docx.time(() -> api.download(provinceOfficial, path)));
      bytes = reply.body().length;
      if (round == 0) {
        communeRows = communeRows(reply.body());
      }
    }
  }

  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("communeRows", communeRows);
    summary.put("docxBytes", bytes);
    summary.put("docx", docx.summary());
    return summary;
  }

  /** The rows of the table of every commune (the report's last table but the signing block), its heading off. */
  private static int communeRows(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable communes = document.getTables().get(document.getTables().size() - 2);
      return communes.getNumberOfRows() - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<byte[]> ok(HttpResponse<byte[]> reply) {
    if (reply.statusCode() != 200) {
      throw new IllegalStateException("final-report.docx: " + reply.statusCode() + " " + new String(reply.body()));
    }
    return reply;
  }
}
