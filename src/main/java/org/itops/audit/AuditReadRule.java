package org.itops.audit;

import java.util.LinkedHashSet;
import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads compliance audits, their evidence and findings: those who start and watch compliance-audit
 * ({@code itops.access}: IT managers, the security team) read all; the owner groups of an audit's controls read that
 * audit (they collect its evidence and remediate its findings in Tasklist, which shows them the audit's variables).
 */
@Component
class AuditReadRule extends ReadRule {

  private final AuditRepository audits;

  AuditReadRule(CurrentUser currentUser, AccessProperties access, AuditRepository audits) {
    super(currentUser, Set.of(AuditProcess.RECORD_PREFIX), startersAndWatchers(access),
        Set.of(AuditProcess.KEY, AuditProcess.SCHEDULE_KEY));
    this.audits = audits;
  }

  @Override
  protected boolean readsOne(String number) {
    return audits.ownerGroups(number).stream().anyMatch(currentUser.groups()::contains);
  }

  private static Set<String> startersAndWatchers(AccessProperties access) {
    Set<String> groups = new LinkedHashSet<>();
    AccessProperties.ProcessAccess audit = access.processes().get(AuditProcess.KEY);
    if (audit != null) {
      groups.addAll(audit.start());
      groups.addAll(audit.monitor());
    }
    return groups;
  }
}
