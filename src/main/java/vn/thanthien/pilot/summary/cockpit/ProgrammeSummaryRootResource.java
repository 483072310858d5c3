package vn.thanthien.pilot.summary.cockpit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.plugin.spi.AppPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import vn.thanthien.pilot.summary.ProgrammeSummaries;
import vn.thanthien.pilot.summary.ProgrammeSummaries.NotAuthenticatedException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.NothingToShowException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.UnknownDistrictException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.UnknownProvinceException;

/**
 * {@code GET /camunda/api/cockpit/plugin/programme-summary/{engine}/summary?district=<code>&province=<code>}:
 * the programme summary as JSON (dates {@code yyyy-MM-dd}) for the user the webapps' session has
 * authenticated in the engine (Cockpit's {@code AuthenticationFilter} sets it in this thread).
 * Refusals are a JSON {@code {"message": "…"}} in Vietnamese, never a stack trace: 400 for an
 * ill-formed district or province code, 404 for a code that is no district (of the province) or
 * province, or a programme the user's unit takes no part in, 401 without a session, 403 when the
 * engine refuses, 500 (logged) when the server fails.
 *
 * <p>Its static assets ({@code …/programme-summary/static/app/…}) are the page's script and the
 * charting library Chart.js, read from its webjar on the classpath: the browser loads nothing from
 * outside the application.
 */
@Path("plugin/" + ProgrammeSummaryCockpitPlugin.ID)
public class ProgrammeSummaryRootResource extends AbstractCockpitPluginRootResource {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeSummaryRootResource.class);
  private static final Pattern CODE = Pattern.compile("[0-9]{1,10}");
  static final String CHART_ASSET = "app/chart.umd.js";
  private static final String CHART_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  public ProgrammeSummaryRootResource() {
    super(ProgrammeSummaryCockpitPlugin.ID);
  }

  @GET
  @Path("{engineName}/summary")
  @Produces(MediaType.APPLICATION_JSON)
  public Response summary(@PathParam("engineName") String engineName, @QueryParam("province") String province,
      @QueryParam("district") String district) {
    try {
      if (Cockpit.getProcessEngine(engineName) == null) {
        return refuse(Response.Status.NOT_FOUND, "Không có máy quy trình nào tên như vậy");
      }
      Optional<String> districtCode = Optional.ofNullable(district).map(String::trim).filter(code -> !code.isEmpty());
      if (districtCode.isPresent() && !CODE.matcher(districtCode.get()).matches()) {
        return refuse(Response.Status.BAD_REQUEST, "Mã huyện không hợp lệ: mã huyện chỉ gồm chữ số, ví dụ 339");
      }
      Optional<String> provinceCode = Optional.ofNullable(province).map(String::trim).filter(code -> !code.isEmpty());
      if (provinceCode.isPresent() && !CODE.matcher(provinceCode.get()).matches()) {
        return refuse(Response.Status.BAD_REQUEST, "Mã tỉnh không hợp lệ: mã tỉnh chỉ gồm chữ số, ví dụ 34");
      }
      ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
      String json = spring.getBean(ObjectMapper.class).writeValueAsString(asSessionUser(engineName,
          spring.getBean(ProcessEngine.class).getIdentityService(),
          () -> spring.getBean(ProgrammeSummaries.class).read(provinceCode, districtCode)));
      return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    } catch (UnknownDistrictException | UnknownProvinceException | NothingToShowException e) {
      return refuse(Response.Status.NOT_FOUND, e.getMessage());
    } catch (NotAuthenticatedException e) {
      return refuse(Response.Status.UNAUTHORIZED, e.getMessage());
    } catch (AuthorizationException e) {
      return refuse(Response.Status.FORBIDDEN, "Anh/chị không có quyền xem thông tin này.");
    } catch (Exception e) {
      // the server's own failure, not the official's: logged, and said in Vietnamese without its details
      LOG.warn("The programme summary could not be read for Cockpit", e);
      return refuse(Response.Status.INTERNAL_SERVER_ERROR,
          "Chưa đọc được số liệu tổng hợp của đề án do lỗi của hệ thống, vui lòng thử lại sau");
    }
  }

  /**
   * Reads as the user the webapps' session authenticated for this request. Cockpit's filter sets
   * that user in the engine it looks up by name; the application's own engine is given the same
   * user when it is another instance (in a JVM that holds several, as the tests do) and has none.
   */
  private static <T> T asSessionUser(String engineName, IdentityService identity, Supplier<T> read) {
    if (identity.getCurrentAuthentication() != null) {
      return read.get();
    }
    Authentications current = Authentications.getCurrent();
    Authentication session = current == null ? null : current.getAuthenticationForProcessEngine(engineName);
    if (!(session instanceof UserAuthentication user)) {
      throw new NotAuthenticatedException();
    }
    identity.setAuthentication(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds(),
        user.getTenantIds() == null ? List.of() : user.getTenantIds());
    try {
      return read.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Response refuse(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(jsonMessage(message)).build();
  }

  private static String jsonMessage(String message) {
    try {
      return new ObjectMapper().writeValueAsString(Map.of("message", message));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.add(CHART_ASSET);
    return assets;
  }

  /** Chart.js's self-contained build from its webjar, whatever version the build brought in. */
  @Override
  protected InputStream getPluginAssetAsStream(AppPlugin plugin, String fileName) {
    if (!CHART_ASSET.equals(fileName)) {
      return super.getPluginAssetAsStream(plugin, fileName);
    }
    ClassLoader loader = ProgrammeSummaryRootResource.class.getClassLoader();
    try (InputStream pom = loader.getResourceAsStream(CHART_PROPERTIES)) {
      if (pom == null) {
        return null;
      }
      java.util.Properties properties = new java.util.Properties();
      properties.load(pom);
      return loader.getResourceAsStream(
          "META-INF/resources/webjars/chart.js/" + properties.getProperty("version") + "/dist/chart.umd.js");
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
