package org.hostel.complaints;

import java.time.Clock;
import java.time.ZoneOffset;
import org.hostel.complaints.operations.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ComplaintsApplication {
  public static void main(String[] args) {
    if (CommandLine.isMode(args)) {
      System.exit(CommandLine.run(ComplaintsApplication.class, args, System.out, System.err));
    }
    SpringApplication.run(ComplaintsApplication.class, args);
  }

  /**
   * The one clock every feature reads. It ticks in milliseconds because timestamps are stored as
   * epoch milliseconds, so an instant read back equals the one that was written.
   */
  @Bean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }
}
