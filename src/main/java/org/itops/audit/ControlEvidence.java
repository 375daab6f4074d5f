package org.itops.audit;

import java.time.Instant;
import java.util.List;

/**
 * The evidence that the suite holds of a control it runs itself, for a period: one bean per such control. A control
 * without one (a backup done outside the suite) gets only what its owner writes.
 */
interface ControlEvidence {

  /** One line of the evidence: the record it comes from, the API view that shows it, and the cells that follow. */
  record Row(String record, String link, List<String> cells) {}

  /** The control's code ({@code A.8.32}). */
  String control();

  /** The message keys of the columns after the record and its link ({@code evidence.*}). */
  List<String> columns();

  /** The lines of the period {@code [from, to)}, worded in the suite's language. */
  List<Row> rows(Instant from, Instant to);

  /** What the report says about the limits of these lines, in the suite's language; empty when nothing. */
  default String note() {
    return "";
  }
}
