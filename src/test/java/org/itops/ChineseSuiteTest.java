package org.itops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link SuiteTest} as a Chinese installation runs it: {@code itops.language=zh-CN}, {@code itops.time-zone=Asia/Shanghai}
 * (the tests' JVM and database keep UTC). Test classes with this annotation share one Spring context of their own and
 * run after all other test classes ({@link ChineseSuiteTestsLast}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SuiteTest
@TestPropertySource(properties = {"itops.language=zh-CN", "itops.time-zone=" + ChineseSuiteTest.ZONE})
public @interface ChineseSuiteTest {

  String ZONE = "Asia/Shanghai";
}
