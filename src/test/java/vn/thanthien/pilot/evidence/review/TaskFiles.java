package vn.thanthien.pilot.evidence.review;

import static org.assertj.core.api.Assertions.assertThat;

import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.evidence.EvidenceSamples.Multipart;
import vn.thanthien.pilot.evidence.EvidenceSamples.Part;

/**
 * What an official attaches before completing a step that requires evidence, over the API as
 * themselves ({@code POST /api/tasks/{id}/files}): one small PDF, or one per slot (criterion).
 */
public final class TaskFiles {

  /** The slots of the self-assessment, each needing a file. */
  public static final String[] CRITERIA = {"tieu-chi-1", "tieu-chi-2", "tieu-chi-3", "tieu-chi-4", "tieu-chi-5"};

  private TaskFiles() {}

  /** One PDF in no slot when none is named, else one PDF in each slot. */
  public static void attach(ApiClient api, String user, String taskId, String... slots) {
    if (slots.length == 0) {
      send(api, user, taskId, EvidenceSamples.files(Part.file("minh-chung.pdf", EvidenceSamples.pdf(2_000))));
    }
    for (String slot : slots) {
      send(api, user, taskId, EvidenceSamples.multipart(java.util.List.of(
          Part.file("minh-chung-" + slot + ".pdf", EvidenceSamples.pdf(2_000)), Part.text("slot", slot))));
    }
  }

  private static void send(ApiClient api, String user, String taskId, Multipart body) {
    ApiClient.Reply reply = api.raw(user, "POST", "/api/tasks/" + taskId + "/files", body.contentType(), body.body());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }
}
