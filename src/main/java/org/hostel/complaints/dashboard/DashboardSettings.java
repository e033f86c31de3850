package org.hostel.complaints.dashboard;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard page.
 *
 * @param imageOrigins origins besides the service itself that photos may be shown from, such as the
 *     S3 endpoint when photos are stored there ({@code COMPLAINTS_DASHBOARD_IMAGE_ORIGINS}); they
 *     are added to the page's Content-Security-Policy {@code img-src}
 */
@ConfigurationProperties("complaints.dashboard")
record DashboardSettings(@DefaultValue List<String> imageOrigins) {

  DashboardSettings {
    for (String origin : imageOrigins) {
      if (!origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
        throw new IllegalStateException(
            "complaints.dashboard.image-origins: '"
                + origin
                + "' must be an origin such as https://s3.example.org (scheme, host, optional"
                + " port, no path)");
      }
    }
  }
}
