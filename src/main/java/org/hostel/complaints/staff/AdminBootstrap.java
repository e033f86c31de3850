package org.hostel.complaints.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hostel.complaints.storage.Deployment;
import org.hostel.complaints.storage.GeneratedSecrets;
import org.hostel.complaints.web.ValidationFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is a first admin and tells whoever started the service how to log in. The first
 * admin never comes from "first caller to register".
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

  static final String DEFAULT_ADMIN = "admin@localhost";
  static final String PASSWORD_FILE = "initial-admin-password";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final StaffService staff;
  private final AuthSettings settings;
  private final GeneratedSecrets secrets;
  private final Path passwordFile;
  private final Deployment deployment;
  private final Environment environment;
  private String howToLogIn = "log in with your admin account";

  AdminBootstrap(
      StaffService staff,
      AuthSettings settings,
      GeneratedSecrets secrets,
      Deployment deployment,
      Environment environment) {
    this.staff = staff;
    this.settings = settings;
    this.secrets = secrets;
    this.passwordFile = secrets.path(PASSWORD_FILE);
    this.deployment = deployment;
    this.environment = environment;
  }

  /**
   * Runs once every bean is ready and before the web server takes requests, so a service that
   * answers its health check always has its first admin.
   */
  @Override
  public void afterSingletonsInstantiated() {
    if (!settings.adminEmail().isBlank()) {
      if (settings.adminPassword().isBlank()) {
        throw new IllegalStateException(
            "COMPLAINTS_ADMIN_EMAIL is set but COMPLAINTS_ADMIN_PASSWORD is not");
      }
      if (staff.findByEmail(settings.adminEmail()).isEmpty()) {
        try {
          staff.create(
              "Administrator", settings.adminEmail(), null, settings.adminPassword(), Role.ADMIN);
          log.info("Created the first admin {} from configuration", settings.adminEmail());
        } catch (StaffProblems.ContactTaken createdByAnotherInstance) {
          log.info("The first admin {} was created by another instance", settings.adminEmail());
        } catch (ValidationFailed rejected) {
          throw new IllegalStateException(
              "COMPLAINTS_ADMIN_EMAIL/COMPLAINTS_ADMIN_PASSWORD rejected: "
                  + rejected.getMessage());
        }
      }
      howToLogIn = "log in as " + settings.adminEmail() + " with COMPLAINTS_ADMIN_PASSWORD";
    } else if (deployment.embedded()) {
      if (staff.findByEmail(DEFAULT_ADMIN).isEmpty() && !staff.anyAdmin()) {
        // Written before the account exists, so a start that fails in between leaves the
        // password the next start will use, not an admin nobody knows the password of.
        String password = secrets.readOrCreate(PASSWORD_FILE, PasswordPolicy::generate);
        staff.create("Administrator", DEFAULT_ADMIN, null, password, Role.ADMIN);
        howToLogIn =
            "log in as "
                + DEFAULT_ADMIN
                + " with password "
                + password
                + " (also kept in "
                + passwordFile
                + " until you delete it)";
      } else if (Files.exists(passwordFile)) {
        howToLogIn = "log in as " + DEFAULT_ADMIN + " with the password in " + passwordFile;
      } else {
        howToLogIn = "log in with your admin account";
      }
    } else {
      howToLogIn =
          staff.anyAdmin()
              ? "log in with your admin account"
              : "no admin exists: set COMPLAINTS_ADMIN_EMAIL and COMPLAINTS_ADMIN_PASSWORD and restart";
    }
  }

  /** Tells whoever started the service where it is and how to log in, once it listens. */
  @EventListener(ApplicationReadyEvent.class)
  void printWelcome() {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8000"));
    StringBuilder parts = new StringBuilder();
    for (String line : StartupSummary.lines(environment)) {
      parts.append("  ").append(line).append(System.lineSeparator());
    }
    System.out.printf(
        "%n  Complaint Management System is running.%n  Dashboard: http://localhost:%s/dashboard/%n"
            + "  API:       http://localhost:%s/api/v1/ (reference: /swagger-ui.html)%n%s"
            + "  To sign in, %s.%n%n",
        port, port, parts, howToLogIn);
  }
}
