package vn.thanthien.pilot.summary;

import java.util.Optional;

/**
 * Reads {@link ProgrammeSummary} for the user the engine has authenticated in this thread
 * ({@code IdentityService#getCurrentAuthentication()}: the webapps' session in Cockpit, HTTP Basic
 * on {@code /api}). Camunda's authorizations decide what the user sees: a district its own
 * communes, the province and the managers everything, a commune its own commune.
 */
public interface ProgrammeSummaries {

  /**
   * The latest programme (running, else the last one started), all of it or one district.
   *
   * @param districtCode a district's code ({@code ?district=339}), or empty for every district
   * @throws UnknownDistrictException when the code is not a district of the unit list
   * @throws NotAuthenticatedException when no user is authenticated in this thread
   */
  ProgrammeSummary read(Optional<String> districtCode);

  /** A district code that is not a district of the unit list; the message is for an official. */
  class UnknownDistrictException extends RuntimeException {
    public UnknownDistrictException(String message) {
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
