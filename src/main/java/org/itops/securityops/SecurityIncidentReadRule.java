package org.itops.securityops;

import java.util.Set;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads security incidents: the security team (and administrators, whom the engine shows everything). Their
 * reporter reads only the receipt of their own report ({@link SecurityIncident.ReporterView}), never the incident;
 * for everybody else a security incident does not exist.
 */
@Component
class SecurityIncidentReadRule extends ReadRule {

  SecurityIncidentReadRule(CurrentUser currentUser) {
    super(currentUser, Set.of(SecurityIncidentProcess.RECORD_PREFIX), Set.of(SecurityIncidentProcess.SECURITY_TEAM),
        Set.of(SecurityIncidentProcess.KEY));
  }
}
