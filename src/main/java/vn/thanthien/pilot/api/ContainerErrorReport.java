package vn.thanthien.pilot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any servlet or filter of the application ran: a path with an
 * encoded slash or a NUL ({@code /engine-rest/task/..%2F..}, {@code /%00}) is refused with 400,
 * which Tomcat's error report valve words as an English HTML page. Here it is the application's
 * usual JSON, in Vietnamese ({@link RequestErrorMappers#httpMessage}). Errors the application
 * raises still go to its error path ({@link ErrorPageController}).
 */
@Component
public class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      if (host instanceof org.apache.catalina.core.StandardHost standard) {
        // the host adds a valve of this class when it starts, if it has none
        standard.setErrorReportValveClass(VietnameseErrorReportValve.class.getName());
      }
      host.getPipeline().addValve(new VietnameseErrorReportValve());
    });
  }

  /** Tomcat's error report, as JSON {@code {"type", "message"}} in Vietnamese, without server details. */
  public static class VietnameseErrorReportValve extends ErrorReportValve {
    private static final ObjectMapper JSON = new ObjectMapper();

    public VietnameseErrorReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(JSON.writeValueAsString(Map.of(
              "type", status >= 500 ? "ServerError" : "InvalidRequestException",
              "message", RequestErrorMappers.httpMessage(status))));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the answer started: nothing more to say
      }
    }
  }
}
