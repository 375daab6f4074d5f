package org.itops.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.itops.ChineseSuiteTest;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@link EndToEndTest}: the suite as a Chinese installation runs it, as {@link ChineseSuiteTest} does
 * ({@code itops.language=zh-CN}, {@code itops.time-zone=Asia/Shanghai}). Every test of the failsafe execution
 * {@code chinese} has it, so that they share one Spring context: a second one would take the engine REST API and the
 * webapps away from the first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = {"itops.language=zh-CN", "itops.time-zone=" + ChineseSuiteTest.ZONE})
public @interface ChineseInstallation {}
