package vn.thanthien.pilot.summary;

import java.util.Optional;

/**
 * Reads {@link ProgrammeSummary} for the user the engine has authenticated in this thread
 * ({@code IdentityService#getCurrentAuthentication()}: the webapps' session in Cockpit, HTTP Basic
 * on {@code /api}). The programme is the latest of one province: the caller's own (a province's,
 * district's or commune's official), or the one asked for ({@code ?province=}) among those whose
 * tenant the caller belongs to (managers: every province; administrators: any), by default the
 * configured one. Camunda's authorizations decide what the user sees of it: a district its own
 * communes, the province and the managers everything, a commune its own commune; a unit that takes
 * no part in it sees nothing, not even its header.
 */
@FunctionalInterface
public interface ProgrammeSummaries {

  /**
   * The latest programme (running, else the last one started) of a province, all of it or one
   * district.
   *
   * @param provinceCode a province's code ({@code ?province=34}), or empty for the caller's own
   * @param districtCode a district's code ({@code ?district=339}), or empty for every district
   * @throws UnknownProvinceException when the code is not a province of the unit list
   * @throws UnknownDistrictException when the code is not a district of the unit list or of the province
   * @throws NothingToShowException when the caller may not read that province's programme, or
   *     their unit takes no part in it
   * @throws NotAuthenticatedException when no user is authenticated in this thread
   */
  ProgrammeSummary read(Optional<String> provinceCode, Optional<String> districtCode);

  /** The caller's own province's programme, all of it or one district. */
  default ProgrammeSummary read(Optional<String> districtCode) {
    return read(Optional.empty(), districtCode);
  }

  /** A district code that is not a district of the unit list; the message is for an official. */
  class UnknownDistrictException extends RuntimeException {
    public UnknownDistrictException(String message) {
      super(message);
    }
  }

  /** A province code that is not a province of the unit list; the message is for an official. */
  class UnknownProvinceException extends RuntimeException {
    public UnknownProvinceException(String message) {
      super(message);
    }
  }

  /** A programme the caller has no part in; the message is for an official and names no programme. */
  class NothingToShowException extends RuntimeException {
    public NothingToShowException(String message) {
      super(message);
    }
  }

  /** No user is authenticated in this thread. */
  class NotAuthenticatedException extends RuntimeException {
    public NotAuthenticatedException() {
      super("Vui lòng đăng nhập");
    }
  }
}
