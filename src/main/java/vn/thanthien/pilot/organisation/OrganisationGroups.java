package vn.thanthien.pilot.organisation;

/**
 * The Camunda groups that are not units of the unit list, and the type of every workflow group.
 * A unit's own group is {@link AdministrativeUnit#groupId()}, named
 * {@link AdministrativeUnit#committeeName()}. The identity seeder creates these groups; the access
 * model grants them their rights.
 */
public final class OrganisationGroups {

  /** Leaders and staff who follow the whole programme in Cockpit and change nothing. */
  public static final String MANAGERS = "managers";
  public static final String MANAGERS_NAME = "Lãnh đạo, chuyên viên theo dõi đề án";
  /** Vietnamese name of Camunda's {@code camunda-admin} group. */
  public static final String ADMINISTRATORS_NAME = "Quản trị hệ thống";
  /** Group type of the unit groups and the managers. */
  public static final String WORKFLOW_TYPE = "WORKFLOW";

  private OrganisationGroups() {}
}
