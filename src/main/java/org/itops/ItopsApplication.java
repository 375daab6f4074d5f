package org.itops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ITOps Process Suite: the Camunda 7 engine, its webapps and our processes in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItopsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ItopsApplication.class, args);
  }
}
