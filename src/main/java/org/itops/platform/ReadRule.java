package org.itops.platform;

import java.util.Set;

/**
 * Who reads the records of one kind (docs/security.md, "Who may do what"). Each kind has one rule, a bean of its
 * feature, and every way of seeing its records asks that rule: the record's detail, lists and searches, calendars,
 * exports, its audit trail, the KPIs and metrics ({@link ReadRules} finds the rule of a record number).
 *
 * <p>Reading all records of a kind: administrators, the kind's own groups (e.g. the staff), and every user whom the
 * engine lets watch one of the kind's processes (READ_INSTANCE, seeded from {@code itops.access} monitor, or granted
 * in Admin). So Cockpit and the engine's REST APIs never show a process's records to someone the suite's API refuses.
 * A kind may add the records a user reads without reading all (their own report, the incident of their group).
 */
public abstract class ReadRule {

  protected final CurrentUser currentUser;
  private final Set<String> prefixes;
  private final Set<String> groups;
  private final Set<String> processKeys;

  /**
   * @param prefixes the prefixes of the kind's record numbers ({@code INC}); none for records without a number
   * @param groups groups whose members read every record of the kind
   * @param processKeys the processes whose instances carry the kind's records
   */
  protected ReadRule(CurrentUser currentUser, Set<String> prefixes, Set<String> groups, Set<String> processKeys) {
    this.currentUser = currentUser;
    this.prefixes = Set.copyOf(prefixes);
    this.groups = Set.copyOf(groups);
    this.processKeys = Set.copyOf(processKeys);
  }

  /** Whether the current user reads every record of the kind: unfiltered lists, the kind's KPIs and metrics. */
  public boolean readsAll() {
    return currentUser.id() != null && (currentUser.isAdministrator()
        || currentUser.groups().stream().anyMatch(groups::contains) || currentUser.watchesAny(processKeys));
  }

  /** Whether the current user reads this record in full: its detail, timeline and audit trail. */
  public boolean reads(String number) {
    return readsAll() || currentUser.id() != null && readsOne(number);
  }

  /** Refuses the record with "not found", as if it did not exist, unless the current user reads it. */
  public void requireReads(String number) {
    if (!reads(number)) {
      throw new NotFoundException("detail.notFound.record", number);
    }
  }

  /** The user whose records a list shows, or null when the current user reads all of them. */
  public String onlyOf() {
    return readsAll() ? null : currentUser.id();
  }

  /**
   * Whether the current user, who does not read all records of the kind, reads this one (e.g. their own report). Not
   * asked for an anonymous caller.
   */
  protected boolean readsOne(String number) {
    return false;
  }

  Set<String> prefixes() {
    return prefixes;
  }
}
