package vn.thanthien.pilot.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The one place the application asks where a request came from: the login throttle, logs, and any
 * per-address limit (the citizens' survey). The address is the TCP peer's, or, for a request from a
 * proxy the operator trusts, the client that proxy names ({@link TrustedProxyValve}, which runs in
 * Tomcat before anything else). No header is read here: {@code Forwarded}, {@code X-Real-IP},
 * {@code True-Client-IP}, {@code X-Forwarded-For} from anyone else never change it.
 */
public final class ClientAddress {

  /** Bits of an IPv6 address that one subscriber holds: a home or office gets a whole /64. */
  static final int IPV6_SUBSCRIBER_PREFIX = 64;

  private ClientAddress() {}

  /** The client's address as it is (for logs). */
  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  /**
   * What a per-address limit counts: an IPv4 address itself; for IPv6 its /64 network (written
   * {@code 2001:db8:1:2:0:0:0:0/64}), since whoever holds one address of it may use them all.
   */
  public static String limitKey(HttpServletRequest request) {
    return limitKey(of(request));
  }

  static String limitKey(String address) {
    InetAddress parsed = TrustedProxies.literal(address);
    if (!(parsed instanceof Inet6Address)) {
      return parsed == null ? address : parsed.getHostAddress();
    }
    byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
    Arrays.fill(network, IPV6_SUBSCRIBER_PREFIX / 8, 16, (byte) 0);
    return TrustedProxies.canonical(network) + "/" + IPV6_SUBSCRIBER_PREFIX;
  }
}
