package org.itops.decision;

import java.time.Instant;

/**
 * An evaluation of a recorded table by the process of a record: its inputs by name (JSON) and its outcome as people
 * compare them ({@link Outcome}); the database numbers it.
 */
record DecisionInput(Long id, String decisionKey, String recordNumber, Instant evaluatedAt, String inputs,
    String outcome) {}
