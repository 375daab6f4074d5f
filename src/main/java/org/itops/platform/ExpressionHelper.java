package org.itops.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose public methods the diagrams may call in expressions, e.g. {@code ${cabVoters.of(execution)}} for
 * the voters of a multi-instance task. Every other bean is out of reach of a diagram's expressions
 * ({@link DeploymentGuard}); its methods take the execution, the task or variables and answer values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExpressionHelper {}
