package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which forwarded client address is believed, from whom; and what the list accepts. */
class TrustedProxiesTest {

  final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.5 , 10.1.0.0/16,2001:db8:aa::/48,, 192.168.7.8/32");

  @Test
  void byDefaultNobodyIsTrusted() {
    for (TrustedProxies none : List.of(TrustedProxies.parse(""), TrustedProxies.parse(null), TrustedProxies.none())) {
      assertThat(none.isEmpty()).isTrue();
      for (String peer : List.of("127.0.0.1", "10.0.0.5", "192.168.1.1", "172.16.0.1", "169.254.1.1", "0:0:0:0:0:0:0:1")) {
        assertThat(none.forwardedClient(peer, List.of("198.51.100.7"))).as(peer).isNull();
      }
    }
  }

  @Test
  void addressesAndRangesOfBothFamilies() {
    assertThat(proxies.trusts("10.0.0.5")).isTrue();
    assertThat(proxies.trusts("10.0.0.6")).isFalse();
    assertThat(proxies.trusts("10.1.255.254")).isTrue();
    assertThat(proxies.trusts("10.2.0.1")).isFalse();
    assertThat(proxies.trusts("192.168.7.8")).isTrue();
    assertThat(proxies.trusts("2001:db8:aa:ffff::1")).isTrue();
    assertThat(proxies.trusts("2001:0db8:00aa:0:0:0:0:9")).isTrue();
    assertThat(proxies.trusts("2001:db8:ab::1")).isFalse();
    assertThat(proxies.trusts("::ffff:10.0.0.5")).isTrue(); // an IPv4-mapped address is the IPv4 one
    assertThat(proxies.trusts("localhost")).isFalse();
    assertThat(proxies.trusts("10.0.0.5.example")).isFalse();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.1")).isTrue();
  }

  @Test
  void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
    // A stranger's own header is kept on the left by the proxy, which appends what it saw.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("6.6.6.6, 198.51.100.7"))).isEqualTo("198.51.100.7");
    // Two trusted hops: the second is skipped.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
    // Several header lines are one list, in order.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("6.6.6.6", "198.51.100.8"))).isEqualTo("198.51.100.8");
    // Every hop trusted: the leftmost.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("10.1.0.9, 10.0.0.5"))).isEqualTo("10.1.0.9");
    // No header: the proxy itself.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    // Something that is not an address ends the walk at the proxy that reported it.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("198.51.100.7, unknown"))).isEqualTo("10.0.0.5");
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("evil.example, 10.1.0.4"))).isEqualTo("10.1.0.4");
    // Ports and brackets as proxies write them; IPv6 in Tomcat's form.
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("198.51.100.7:51234"))).isEqualTo("198.51.100.7");
    assertThat(proxies.forwardedClient("10.0.0.5", List.of("[2001:db8:1::7]:443"))).isEqualTo("2001:db8:1:0:0:0:0:7");
    assertThat(proxies.forwardedClient("2001:db8:aa:0:0:0:0:1", List.of("2001:db8:1::7"))).isEqualTo("2001:db8:1:0:0:0:0:7");
    // A peer that is not trusted: the header is ignored.
    assertThat(proxies.forwardedClient("10.0.0.6", List.of("198.51.100.7"))).isNull();
  }

  @Test
  void anEntryThatIsNotAnAddressOrRangeFailsWithAClearMessage() {
    for (String wrong : List.of("proxy.example", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/-1",
        "10.0.0.0/x", "2001:db8::/129", "10.0.0.5:8080", "[2001:db8::1]", "*", "10.0.0.0/ 8")) {
      assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, " + wrong))
          .as(wrong).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("pilot.http.trusted-proxies (PILOT_TRUSTED_PROXIES): «" + wrong.trim() + "»");
    }
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5/24"))
        .hasMessageContaining("did you mean 10.0.0.0/24?");
  }

  @Test
  void anInvalidListFailsTheStart() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(TrustedProxyConfiguration.class)
        .withPropertyValues("server.forward-headers-strategy=none");
    runner.withPropertyValues("pilot.http.trusted-proxies=10.0.0.5, nginx.local")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessage("pilot.http.trusted-proxies (PILOT_TRUSTED_PROXIES): «nginx.local» is not an IP address "
                + "or a CIDR range (e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/64; host names are not accepted)"));
    runner.withPropertyValues("pilot.http.trusted-proxies=10.0.0.5, 2001:db8::/64")
        .run(context -> assertThat(context).hasNotFailed().getBean(TrustedProxies.class)
            .satisfies(proxies -> assertThat(proxies.trusts("2001:db8::9")).isTrue()));
    // Spring Boot's own forwarded-header handling (RemoteIpValve, or a filter) must stay off.
    for (String strategy : List.of("native", "framework")) {
      runner.withPropertyValues("server.forward-headers-strategy=" + strategy)
          .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
              .hasMessageContaining("server.forward-headers-strategy must be 'none'"));
    }
  }

  @Test
  void perAddressLimitsCountAnIpv6ClientAsItsSlash64() {
    assertThat(ClientAddress.limitKey("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(ClientAddress.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(ClientAddress.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.limitKey("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.limitKey("2001:db8:1:2::1"));
  }
}
