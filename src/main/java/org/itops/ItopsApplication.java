package org.itops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ITOps Process Suite: the Camunda 7 engine, its webapps and our processes in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
// on every installation: the housekeeping (the KPIs' daily sums, the removal of old decision inputs, the dev mail
// server's limit) must not hang on a feature that happens to enable scheduling, such as the mail intake
@EnableScheduling
public class ItopsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ItopsApplication.class, args);
  }
}
