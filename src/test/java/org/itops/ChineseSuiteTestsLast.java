package org.itops;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the {@link ChineseSuiteTest} classes after all others, in the order they came otherwise. Their Spring context is
 * a second one in the test JVM, and the engine REST API and the webapps serve the process engine of the context that
 * started last: before it starts, every {@link SuiteTest} class has its own engine behind {@code /engine-rest}.
 * (junit-platform.properties names this orderer.)
 */
public class ChineseSuiteTestsLast implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing(type -> type.isAnnotated(ChineseSuiteTest.class)));
  }
}
