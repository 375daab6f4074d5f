package org.itops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole suite on a random port with an in-memory database (profile {@code test}; PostgreSQL in the build's
 * second run, see {@link TestDatabase}); jobs run only when a test executes them. Test classes with this annotation share one Spring context, so they must not
 * assume an empty database: use fresh business keys and compare counts before and after. The suite's clock is a
 * {@link MutableClock}; the paging webhook posts to {@link TestPagingReceiver}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ContextConfiguration(initializers = {TestDatabase.class, TestPagingReceiver.class})
public @interface SuiteTest {}
