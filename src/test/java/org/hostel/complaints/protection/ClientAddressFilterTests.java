package org.hostel.complaints.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.hostel.complaints.web.AddressRange;
import org.junit.jupiter.api.Test;

class ClientAddressFilterTests {

  static final List<AddressRange> PROXIES = AddressRange.parseAll(List.of("10.0.0.0/8", "::1/128"));

  static String resolve(String peer, String... forwarded) {
    return ClientAddressFilter.resolve(peer, Collections.enumeration(List.of(forwarded)), PROXIES);
  }

  @Test
  void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
    assertThat(resolve("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
  }

  @Test
  void theClientIsTheNearestAddressThatIsNotATrustedProxy() {
    assertThat(resolve("10.0.0.2", "203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(resolve("10.0.0.2", "192.0.2.66, 203.0.113.1, 10.0.0.9")).isEqualTo("203.0.113.1");
    assertThat(resolve("10.0.0.2", "192.0.2.66", "203.0.113.1")).isEqualTo("203.0.113.1");
    assertThat(resolve("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void garbageInTheChainStopsTheWalkAtTheLastTrustedHop() {
    assertThat(resolve("10.0.0.2", "not-an-address")).isEqualTo("10.0.0.2");
    assertThat(resolve("10.0.0.2", "203.0.113.1, unknown, 10.0.0.9")).isEqualTo("10.0.0.9");
  }

  @Test
  void aRangeMatchesByPrefixForBothAddressFamilies() {
    assertThat(AddressRange.parse("127.0.0.0/8").contains("127.1.2.3")).isTrue();
    assertThat(AddressRange.parse("127.0.0.0/8").contains("128.0.0.1")).isFalse();
    assertThat(AddressRange.parse("192.168.4.0/22").contains("192.168.7.255")).isTrue();
    assertThat(AddressRange.parse("192.168.4.0/22").contains("192.168.8.0")).isFalse();
    assertThat(AddressRange.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
    assertThat(AddressRange.parse("2001:db8::/32").contains("203.0.113.1")).isFalse();
    assertThat(AddressRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
  }
}
