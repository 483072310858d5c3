package vn.thanthien.pilot.notifications;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the e-mail to officials needs beyond Spring Boot's own {@code spring.mail.*} (server, port,
 * credentials): README "E-mail".
 *
 * @param baseUrl the address officials open the application at ({@code PILOT_PUBLIC_BASE_URL}),
 *     the start of the Tasklist link in every mail
 * @param from the sender, an address with or without a name ({@code PILOT_MAIL_FROM})
 * @param retryTimeCycle how often and how far apart a failed mail is tried again before it becomes
 *     an incident, in Camunda's {@code failedJobRetryTimeCycle} form (e.g. {@code R3/PT5M})
 */
@ConfigurationProperties(prefix = "pilot.mail")
public record NotificationProperties(String baseUrl, String from, String retryTimeCycle) {

  public NotificationProperties {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("pilot.mail.base-url must be the application's public address");
    }
    URI uri = URI.create(baseUrl.strip());
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("pilot.mail.base-url must be an http(s) address, not " + baseUrl);
    }
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("pilot.mail.from must name the sender's address");
    }
    if (retryTimeCycle == null || retryTimeCycle.isBlank()) {
      retryTimeCycle = "R3/PT5M";
    }
  }

  /** The task in Tasklist, e.g. {@code https://thanthien.example.vn/camunda/app/tasklist/default/#/?task=…}. */
  public String tasklistLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
