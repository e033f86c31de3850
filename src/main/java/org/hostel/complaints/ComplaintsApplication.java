package org.hostel.complaints;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ComplaintsApplication {
  public static void main(String[] args) {
    SpringApplication.run(ComplaintsApplication.class, args);
  }
}
