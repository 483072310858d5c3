package vn.thanthien.pilot.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The project's error answers in every Jersey application of the server: the REST API
 * ({@code /engine-rest}, {@link RestApiConfiguration}) and the webapps' own APIs
 * ({@code /camunda/api/engine|cockpit|admin|tasklist|welcome}), which Camunda builds from fixed
 * class lists with no place for a provider of ours. Jersey applies every
 * {@link AutoDiscoverable} named in {@code META-INF/services} to each application it starts.
 */
@ConstrainedTo(RuntimeType.SERVER)
public class ErrorMapping implements Feature {

  static final String NOT_A_COUNT = "Yêu cầu không hợp lệ: tham số «%s» phải là một số nguyên từ 0 đến 2147483647 "
      + "(đã gửi «%s»).";

  @Override
  public boolean configure(FeatureContext context) {
    for (Class<?> provider : List.of(ValidationErrorMapper.class, PasswordPolicyErrorMapper.class,
        RequestErrorMappers.NotJson.class, RequestErrorMappers.WrongFields.class, RequestErrorMappers.Http.class,
        RequestErrorMappers.Any.class, PageParameters.class)) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
    return true;
  }

  /** Registers {@link ErrorMapping} in every Jersey application (named in META-INF/services). */
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Everywhere implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(ErrorMapping.class)) {
        context.register(ErrorMapping.class);
      }
    }
  }

  /**
   * {@code firstResult} and {@code maxResults} of every list are counts. Camunda hands a negative
   * {@code maxResults} to the database, which fails (500); anything but a count is refused here.
   */
  @PreMatching
  public static class PageParameters implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      for (String name : List.of("firstResult", "maxResults")) {
        List<String> values = request.getUriInfo().getQueryParameters().get(name);
        for (String value : values == null ? List.<String>of() : values) {
          if (!isCount(value)) {
            request.abortWith(RequestErrorMappers.answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
                NOT_A_COUNT.formatted(name, value)));
            return;
          }
        }
      }
    }

    static boolean isCount(String value) {
      if (value == null || !value.matches("[0-9]{1,10}")) {
        return false;
      }
      return Long.parseLong(value) <= Integer.MAX_VALUE;
    }
  }
}
