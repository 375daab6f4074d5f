package org.itops.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate that talks to a system outside the suite (mail, webhooks, other systems). Every BPMN
 * element that uses it must be {@code asyncBefore} with a {@code failedJobRetryTimeCycle}, so that an outage
 * shows as a retrying job and then an incident in Cockpit instead of failing a user's task completion.
 * The model-conventions test enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CallsOutside {}
