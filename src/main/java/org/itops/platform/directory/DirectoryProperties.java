package org.itops.platform.directory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company directory (prefix {@code itops.directory}, profile {@code ldap}; docs/production.md, "Company
 * directory"). The defaults fit OpenLDAP's inetOrgPerson and groupOfNames; Active Directory sets the user id attribute
 * to {@code sAMAccountName} and the filters to its object classes.
 *
 * @param url {@code ldap://host:389} or {@code ldaps://host:636}
 * @param startTls upgrade an {@code ldap://} connection to TLS before anything is sent (StartTLS)
 * @param caFile PEM file of the certificate authority that signed the directory's certificate; empty: the JVM's
 * @param bindDn the service account the suite searches with
 * @param bindPassword its password
 * @param userBase where the users are
 * @param userFilter which entries there are users of the suite
 * @param userIdAttribute the attribute that is a user's login name and id in the suite
 * @param groupBase where the groups are (nested groups are searched there)
 * @param groupFilter which entries are groups
 * @param groupMemberAttribute the attribute of a group that holds its members' DNs (users or groups)
 * @param groupMapping each suite group and the DN of the directory group behind it:
 *     {@code service-desk=cn=IT Service Desk,ou=groups,dc=example,dc=org; ops-engineers=...}
 * @param timeout how long a connection or an answer may take before the directory counts as unreachable
 * @param maxResults the most users a search answers (Admin's lists, a query without criteria)
 */
@ConfigurationProperties("itops.directory")
public record DirectoryProperties(
    String url,
    boolean startTls,
    String caFile,
    String bindDn,
    String bindPassword,
    String userBase,
    @DefaultValue("(objectClass=inetOrgPerson)") String userFilter,
    @DefaultValue("uid") String userIdAttribute,
    @DefaultValue("givenName") String firstNameAttribute,
    @DefaultValue("sn") String lastNameAttribute,
    @DefaultValue("mail") String emailAttribute,
    String groupBase,
    @DefaultValue("(|(objectClass=groupOfNames)(objectClass=group))") String groupFilter,
    @DefaultValue("member") String groupMemberAttribute,
    String groupMapping,
    @DefaultValue("PT5S") Duration timeout,
    @DefaultValue("1000") int maxResults) {

  /** The suite group of each mapped directory group DN, in the order written. */
  public Map<String, String> mappedGroups() {
    Map<String, String> mapped = new LinkedHashMap<>();
    if (groupMapping == null) {
      return mapped;
    }
    for (String entry : groupMapping.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalStateException("itops.directory.group-mapping: '" + entry.strip()
            + "' is not suite-group=directory group DN");
      }
      mapped.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return mapped;
  }

  public boolean usesTls() {
    return startTls || url != null && url.toLowerCase().startsWith("ldaps://");
  }
}
