package vn.thanthien.pilot.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** Tells whoever started the application where to log in and, with the demo data, as whom. */
@Component
public class LoginInfoPrinter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginInfoPrinter.class);
  /** How many communes of the first district are named when no featured unit is configured. */
  private static final int EXAMPLE_COMMUNES = 3;

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
          .append("    ").append(DemoUsers.ADMIN).append("      quản trị hệ thống (camunda-admin)\n")
          .append("    ").append(DemoUsers.MANAGER).append("     lãnh đạo, chuyên viên theo dõi (managers)\n");
      units.province(organisation.provinceCode()).ifPresent(p -> {
        text.append("    ").append(DemoUsers.officialOf(p)).append("     ").append(p.committeeName()).append('\n');
        provincialBodies(p, text);
      });
      for (AdministrativeUnit unit : exampleUnits()) {
        text.append("    ").append(DemoUsers.officialOf(unit)).append("   ").append(unit.committeeName()).append('\n');
      }
      text.append("    (mỗi đơn vị có một tài khoản: ")
          .append(String.join(", ", Stream.of(AdministrativeUnit.Level.values())
              // the two-tier map has no district officials
              .filter(level -> level != AdministrativeUnit.Level.DISTRICT || units.allUnits().stream()
                  .anyMatch(unit -> unit.level() == level && !unit.isProvincialBody()))
              .map(level -> DemoUsers.prefixOf(level) + "<mã>").toList()))
          .append(" theo mã đơn vị hành chính)\n");
    }
    LOG.info(text.toString());
  }

  /**
   * Two-tier map: who does the districts' work, the province's own officials or a body's official.
   */
  private void provincialBodies(AdministrativeUnit province, StringBuilder text) {
    for (AdministrativeUnit body : units.districtsOf(province.code())) {
      if (!body.isProvincialBody()) {
        continue;
      }
      if (body.groupId().equals(province.groupId())) {
        text.append("      (mô hình hai cấp: ").append(DemoUsers.officialOf(province))
            .append(" làm cả việc của cấp huyện — two-tier map: the province does the districts' work)\n");
      } else {
        text.append("    ").append(DemoUsers.officialOf(body)).append("  ").append(body.committeeName())
            .append(" (việc của cấp huyện — the districts' work)\n");
      }
    }
  }

  /**
   * The featured units found in the unit list, in the configured order; without any, the
   * province's first district and that district's first communes.
   */
  private List<AdministrativeUnit> exampleUnits() {
    List<AdministrativeUnit> featured = new ArrayList<>();
    for (String code : demo.featuredUnits()) {
      units.district(code).or(() -> units.commune(code)).ifPresent(featured::add);
    }
    if (!featured.isEmpty()) {
      return featured;
    }
    Optional<AdministrativeUnit> district = units.districtsOf(organisation.provinceCode()).stream().findFirst();
    district.ifPresent(d -> {
      featured.add(d);
      featured.addAll(units.communesOf(d.code()).stream().limit(EXAMPLE_COMMUNES).toList());
    });
    return featured;
  }
}
