package vn.thanthien.pilot.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxies an operator names ({@code pilot.http.trusted-proxies}, {@code PILOT_TRUSTED_PROXIES}):
 * addresses and CIDR ranges, IPv4 and IPv6. Only a request whose TCP peer is one of them has its
 * client address taken from {@code X-Forwarded-For} ({@link TrustedProxyValve}); the list is empty
 * by default, so that no header a client sets is ever taken for its address.
 *
 * <p>Addresses are read as literals only (never looked up by name), so a header cannot make the
 * server ask DNS anything.
 */
public final class TrustedProxies {

  /** The setting, as named in error messages. */
  static final String SETTING = "pilot.http.trusted-proxies (PILOT_TRUSTED_PROXIES)";

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** One address or range: the first {@code prefix} bits of {@code network}. */
  private record Range(byte[] network, int prefix, String text) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Nobody is trusted. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * A comma-separated list such as {@code "10.0.0.5, 10.1.0.0/16, 2001:db8::/64"}; blank means none.
   *
   * @throws IllegalArgumentException naming the entry that is neither an address nor a range
   */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String raw : list.split(",")) {
        String entry = raw.trim();
        if (!entry.isEmpty()) {
          ranges.add(range(entry));
        }
      }
    }
    return new TrustedProxies(ranges);
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    String addressText = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress address = literal(addressText);
    if (address == null || addressText.startsWith("[") || IPV4_WITH_PORT.matcher(addressText).matches()) {
      throw invalid(entry, "is not an IP address or a CIDR range (e.g. 10.0.0.5, 10.0.0.0/24, "
          + "2001:db8::/64; host names are not accepted)");
    }
    byte[] network = address.getAddress();
    int bits = network.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String prefixText = entry.substring(slash + 1);
      if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > bits) {
        throw invalid(entry, "has a prefix length that is not a number from 0 to " + bits);
      }
      prefix = Integer.parseInt(prefixText);
    }
    byte[] masked = network.clone();
    for (int bit = prefix; bit < bits; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    if (!Arrays.equals(masked, network)) {
      throw invalid(entry, "has bits set after its prefix: did you mean " + canonical(masked) + "/" + prefix + "?");
    }
    return new Range(network, prefix, entry);
  }

  private static IllegalArgumentException invalid(String entry, String reason) {
    return new IllegalArgumentException(SETTING + ": «" + entry + "» " + reason);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether {@code address} (a literal) is one of the trusted proxies. */
  public boolean trusts(String address) {
    InetAddress parsed = literal(address);
    return parsed != null && trusts(parsed);
  }

  private boolean trusts(InetAddress address) {
    byte[] bytes = address.getAddress();
    return ranges.stream().anyMatch(range -> range.contains(bytes));
  }

  /**
   * The client a request came from, when its TCP peer is a trusted proxy: the rightmost address of
   * {@code X-Forwarded-For} (all its header lines, in order) that is not itself a trusted proxy; if
   * every one is, the leftmost; an entry that is not an address ends the walk at the proxy that
   * reported it. Null when the peer is not trusted: then the peer is the client.
   */
  public String forwardedClient(String peer, List<String> forwardedFor) {
    InetAddress peerAddress = literal(peer);
    if (peerAddress == null || !trusts(peerAddress)) {
      return null;
    }
    List<String> hops = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String hop : line.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    String client = canonical(peerAddress.getAddress());
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        break;
      }
      client = canonical(hop.getAddress());
      if (!trusts(hop)) {
        break;
      }
    }
    return client;
  }

  /**
   * An IP address written as a literal ({@code 192.0.2.7}, {@code 2001:db8::7}, also
   * {@code 192.0.2.7:51234}, {@code [2001:db8::7]} and {@code [2001:db8::7]:443} as proxies write
   * them), or null for anything else. Never a name lookup.
   */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String address = text.trim();
    Matcher withPort = IPV4_WITH_PORT.matcher(address);
    Matcher bracketed = BRACKETED.matcher(address);
    if (withPort.matches()) {
      address = withPort.group(1);
    } else if (bracketed.matches()) {
      address = bracketed.group(1);
      if (address.indexOf(':') < 0) {
        return null;
      }
    }
    Matcher ipv4 = IPV4.matcher(address);
    try {
      if (ipv4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(ipv4.group(i + 1));
          if (part > 255) {
            return null;
          }
          bytes[i] = (byte) part;
        }
        return InetAddress.getByAddress(bytes);
      }
      if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
        // A text with a colon is parsed as an IPv6 literal or refused, never looked up.
        return InetAddress.getByName(address);
      }
    } catch (UnknownHostException notAnAddress) {
      return null;
    }
    return null;
  }

  /** The address as Tomcat writes a peer's: dotted IPv4, or the full IPv6 form. */
  static String canonical(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException impossible) {
      throw new IllegalArgumentException(impossible);
    }
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : String.join(", ", ranges.stream().map(Range::text).toList());
  }
}
