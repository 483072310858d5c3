package vn.thanthien.pilot.access;

import org.camunda.bpm.engine.impl.digest._apacheCommonsCodec.Base64;

/** User name and password of an HTTP Basic {@code Authorization} header. */
record BasicCredentials(String user, String password) {

  private static final String BASIC_PREFIX = "Basic ";

  /**
   * Decoded exactly as Camunda's {@code HttpBasicAuthenticationProvider} does (lenient Base64,
   * platform charset), so that every filter of the application sees the user Camunda would check;
   * null when the header is absent, not Basic, or has no colon.
   */
  @SuppressWarnings("DefaultCharset")
  static BasicCredentials parse(String authorization) {
    if (authorization == null || !authorization.startsWith(BASIC_PREFIX)) {
      return null;
    }
    String decoded = new String(Base64.decodeBase64(authorization.substring(BASIC_PREFIX.length())));
    int colon = decoded.indexOf(':');
    return colon < 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
