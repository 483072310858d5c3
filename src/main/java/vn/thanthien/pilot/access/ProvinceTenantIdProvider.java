package vn.thanthien.pilot.access;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.programme.ProgrammeContext;
import vn.thanthien.pilot.reporting.Lateness;

/**
 * Gives every new instance of the programme's models its province's tenant ({@link ProvinceTenants}),
 * from data the application owns, never from what a request names as a tenant:
 * <ul>
 *   <li>an instance a call activity starts: its caller's tenant (a programme's districts and their
 *   communes are the programme's province's, also when the programme has none);</li>
 *   <li>{@code pilot-programme}: the province of the official who starts it, as the programme
 *   itself derives it ({@link ProgrammeContext#provinceCodeFor});</li>
 *   <li>{@code district-pilot} and {@code commune-pilot} started on their own: the province of
 *   the {@code districtCode} or {@code communeCode} in the unit list;</li>
 *   <li>{@code late-work-follow-up}: the province of the unit that follows the late work up
 *   ({@code followUpGroup}, derived by the calendar).</li>
 * </ul>
 * Anything else ({@code unit-reorganisation}, a model deployed later) has no tenant, and so has an
 * instance whose unit the list does not know. A decision evaluated by a process gets the instance's
 * tenant from Camunda itself; one evaluated on its own has none. Installed as an engine plugin.
 */
@Component
public class ProvinceTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final UnitDirectory units;
  private final ProgrammeContext programme;

  public ProvinceTenantIdProvider(UnitDirectory units, ProgrammeContext programme) {
    this.units = units;
    this.programme = programme;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    VariableMap variables = ctx.getVariables();
    Optional<AdministrativeUnit> province = switch (ctx.getProcessDefinition().getKey()) {
      case AccessModelSeeder.PROGRAMME_KEY ->
          units.province(programme.provinceCodeFor(Context.getCommandContext().getAuthentication()));
      case "district-pilot" -> units.district(text(variables.get("districtCode"))).flatMap(units::provinceOf);
      case AccessModelSeeder.COMMUNE_PILOT -> units.commune(text(variables.get("communeCode"))).flatMap(units::provinceOf);
      case Lateness.FOLLOW_UP_PROCESS -> units.ofGroup(text(variables.get("followUpGroup"))).flatMap(units::provinceOf);
      default -> Optional.empty();
    };
    return province.map(ProvinceTenants::tenantOf).orElse(null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    // asked only when the evaluating execution has no tenant (Camunda takes the execution's first)
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
