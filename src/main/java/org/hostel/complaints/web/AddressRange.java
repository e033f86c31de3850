package org.hostel.complaints.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is
 * a network of one. Shared by the metrics access check and the trusted-proxy rule.
 */
public record AddressRange(byte[] network, int prefix) {

  /** Parses {@code address[/prefix]}; only literal addresses, so nothing is looked up in DNS. */
  public static AddressRange parse(String cidr) {
    String text = cidr.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("Prefix out of range in " + cidr);
    }
    return new AddressRange(bytes, prefix);
  }

  public static List<AddressRange> parseAll(List<String> ranges) {
    return ranges.stream().filter(r -> !r.isBlank()).map(AddressRange::parse).toList();
  }

  /** Whether {@code address} (a literal as servlet containers report it) lies in this range. */
  public boolean contains(@Nullable String address) {
    byte[] candidate = address == null ? null : literal(address);
    if (candidate == null || candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  public static boolean anyContains(List<AddressRange> ranges, @Nullable String address) {
    for (AddressRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static byte @Nullable [] literal(String address) {
    String text = address.trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    boolean v4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    if (!v4 && !v6) {
      return null;
    }
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
