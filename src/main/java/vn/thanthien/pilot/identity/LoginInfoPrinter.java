package vn.thanthien.pilot.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** Tells whoever started the application where to log in and, with the demo data, as whom. */
@Component
public class LoginInfoPrinter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginInfoPrinter.class);

  private final DemoProperties demo;
  private final UnitDirectory units;
  private final OrganisationProperties organisation;

  public LoginInfoPrinter(DemoProperties demo, UnitDirectory units, OrganisationProperties organisation) {
    this.demo = demo;
    this.units = units;
    this.organisation = organisation;
  }

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : 8080;
    StringBuilder text = new StringBuilder("\n\n  Đăng nhập (log in): http://localhost:").append(port)
        .append("/camunda/app/tasklist/\n  Cockpit: http://localhost:").append(port)
        .append("/camunda/app/cockpit/   REST: http://localhost:").append(port).append("/engine-rest\n");
    if (demo.enabled()) {
      text.append("  Dữ liệu demo — mật khẩu chung (demo password): ").append(demo.password()).append('\n')
          .append("    admin      quản trị hệ thống (camunda-admin)\n")
          .append("    quanly     lãnh đạo, chuyên viên theo dõi (managers)\n");
      units.province(organisation.provinceCode()).ifPresent(p ->
          text.append("    ").append(DemoUsers.officialOf(p)).append("     ").append(p.committeeName()).append('\n'));
      units.district("339").ifPresent(d ->
          text.append("    ").append(DemoUsers.officialOf(d)).append("   ").append(d.committeeName()).append('\n'));
      for (String code : new String[] {"12679", "12646", "12649"}) {
        units.commune(code).ifPresent(c ->
            text.append("    ").append(DemoUsers.officialOf(c)).append("   ").append(c.committeeName()).append('\n'));
      }
      text.append("    (mỗi đơn vị có một tài khoản: tinh<mã>, huyen<mã>, xa<mã> theo mã GSO)\n");
    }
    LOG.info(text.toString());
  }
}
