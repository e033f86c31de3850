package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code COMPLAINTS_PORTAL_ENABLED=false}: the public pages are gone, staff work as before. */
@DirtiesContext
@EmbeddedContext
class PortalDisabledTests {

  @DynamicPropertySource
  static void off(DynamicPropertyRegistry registry) {
    registry.add("complaints.portal.enabled", () -> "false");
  }

  @Test
  void thePublicPathsAnswer404(Api api, Fixtures fixtures) {
    assertThat(api.get("/report", null).status()).isEqualTo(404);
    assertThat(api.get("/track/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", null).status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/public/complaints", null, Map.of("hostel", "block-a")).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/public/form", null).status()).isEqualTo(404);
    assertThat(fixtures.submit().get("channel").asString()).isEqualTo("bot");
  }
}
