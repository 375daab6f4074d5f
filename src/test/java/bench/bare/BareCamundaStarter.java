package bench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare Camunda Spring Boot starter (webapps and REST API on H2) with no processes and none of the suite's code:
 * what the suite's start-up time is compared with. Started by {@code bench.SuiteBenchmark} on a class path without
 * the suite's classes and its extra libraries (Flyway, Actuator, mail).
 */
@SpringBootApplication
public class BareCamundaStarter {}
