package org.itops.platform.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LDAP side of the company directory: users, their passwords, and who is in each mapped group (through nested
 * groups too). Connections are pooled, with TLS (LDAPS or StartTLS) verified against the configured authority and
 * the host name. The last answer about a user or a group is kept: while the directory is unreachable, mail,
 * timers and running processes go on with it, but nobody logs in with a password.
 */
class Directory implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Directory.class);
  /** Groups within groups within groups: further than this is a loop or a mistake. */
  private static final int MAX_NESTING = 5;

  private final DirectoryProperties properties;
  private final LDAPConnectionPool pool;
  private final Filter userFilter;
  private final Filter groupFilter;
  /** The suite group of each mapped directory group. */
  private final Map<DN, String> suiteGroups = new LinkedHashMap<>();
  private final Map<String, Object> lastKnown = new ConcurrentHashMap<>();

  Directory(DirectoryProperties properties) {
    this.properties = properties;
    try {
      userFilter = Filter.create(properties.userFilter());
      groupFilter = Filter.create(properties.groupFilter());
      for (Map.Entry<String, String> mapped : properties.mappedGroups().entrySet()) {
        suiteGroups.put(new DN(mapped.getValue()), mapped.getKey());
      }
      pool = connect(properties);
    } catch (LDAPException | GeneralSecurityException e) {
      throw new IllegalStateException("itops.directory is not usable: " + e.getMessage(), e);
    }
  }

  private static LDAPConnectionPool connect(DirectoryProperties properties)
      throws LDAPException, GeneralSecurityException {
    LDAPURL url = new LDAPURL(properties.url());
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) properties.timeout().toMillis());
    options.setResponseTimeoutMillis(properties.timeout().toMillis());
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    SSLContext tls = properties.usesTls() ? tls(properties) : null;
    boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
    SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(),
        ldaps ? tls.getSocketFactory() : null, options);
    PostConnectProcessor startTls = properties.startTls() && !ldaps
        ? new StartTLSPostConnectProcessor(tls) : null;
    // no connection at start is needed: the suite starts while the directory is down, and logins wait for it
    return new LDAPConnectionPool(server, new SimpleBindRequest(properties.bindDn(), properties.bindPassword()), 0, 4,
        startTls, false);
  }

  private static SSLContext tls(DirectoryProperties properties) throws GeneralSecurityException {
    TrustManager trust = properties.caFile() == null || properties.caFile().isBlank()
        ? JVMDefaultTrustManager.getInstance() : new PEMFileTrustManager(new File(properties.caFile()));
    return new SSLUtil(trust).createSSLContext("TLSv1.2");
  }

  /** The user with this id, or empty. */
  Optional<DirectoryEntry> user(String id) {
    return remembered("user:" + id, () -> {
      List<DirectoryEntry> found = users(Filter.createEqualityFilter(properties.userIdAttribute(), id));
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  /** The users matching the filter (and the user filter), at most {@code max-results}. */
  List<DirectoryEntry> users(Filter criteria) {
    return call(() -> {
      SearchRequest search = new SearchRequest(properties.userBase(), SearchScope.SUB,
          Filter.createANDFilter(userFilter, criteria), userAttributes());
      search.setSizeLimit(properties.maxResults());
      List<DirectoryEntry> users = new ArrayList<>();
      try {
        pool.search(search).getSearchEntries().forEach(entry -> users.add(user(entry)));
      } catch (LDAPException e) {
        if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
          throw e;
        }
        // the first max-results users are the answer; a narrower search finds the others
        if (e instanceof LDAPSearchException partial) {
          partial.getSearchEntries().forEach(entry -> users.add(user(entry)));
        }
      }
      return users;
    });
  }

  /** Whether the password is the user's: a bind as the user, on a pooled connection given back as it was. */
  boolean authenticate(String id, String password) {
    if (password == null || password.isEmpty()) {
      return false; // an empty password is an anonymous bind, which "succeeds" in LDAP
    }
    Optional<DirectoryEntry> user = call(() -> users(Filter.createEqualityFilter(properties.userIdAttribute(), id))
        .stream().findFirst());
    if (user.isEmpty()) {
      return false;
    }
    return call(() -> {
      try {
        pool.bindAndRevertAuthentication(user.get().dn(), password);
        return true;
      } catch (LDAPException e) {
        if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
          return false;
        }
        throw e;
      }
    });
  }

  /** The suite groups the user is in: mapped groups that hold the user, directly or through groups they hold. */
  Set<String> suiteGroupsOf(String userId) {
    return remembered("groups:" + userId, () -> {
      Optional<DirectoryEntry> user = user(userId);
      Set<String> groups = new HashSet<>();
      if (user.isEmpty()) {
        return groups;
      }
      Set<String> seen = new HashSet<>();
      Deque<String> members = new ArrayDeque<>(List.of(user.get().dn()));
      for (int depth = 0; depth < MAX_NESTING && !members.isEmpty(); depth++) {
        Deque<String> next = new ArrayDeque<>();
        for (String member : members) {
          for (SearchResultEntry group : call(() -> pool.search(properties.groupBase(), SearchScope.SUB,
              Filter.createANDFilter(groupFilter, Filter.createEqualityFilter(properties.groupMemberAttribute(),
                  member)), "1.1").getSearchEntries())) {
            if (seen.add(group.getDN())) {
              String suiteGroup = suiteGroups.get(call(group::getParsedDN));
              if (suiteGroup != null) {
                groups.add(suiteGroup);
              }
              next.add(group.getDN());
            }
          }
        }
        members = next;
      }
      return groups;
    });
  }

  /** The users in the suite group's directory group, directly or through the groups it holds. */
  List<DirectoryEntry> membersOf(String suiteGroup) {
    return remembered("members:" + suiteGroup, () -> {
      List<DirectoryEntry> users = new ArrayList<>();
      DN mapped = suiteGroups.entrySet().stream().filter(e -> e.getValue().equals(suiteGroup)).map(Map.Entry::getKey)
          .findFirst().orElse(null);
      if (mapped == null) {
        return users;
      }
      Set<DN> seen = new HashSet<>(List.of(mapped));
      Deque<DN> groups = new ArrayDeque<>(List.of(mapped));
      for (int depth = 0; depth < MAX_NESTING && !groups.isEmpty(); depth++) {
        Deque<DN> next = new ArrayDeque<>();
        for (DN group : groups) {
          SearchResultEntry entry = call(() -> pool.getEntry(group.toString(), properties.groupMemberAttribute()));
          if (entry == null) {
            LOG.warn("The directory group {} behind '{}' does not exist", group, suiteGroup);
            continue;
          }
          for (String memberDn : entry.getAttributeValues(properties.groupMemberAttribute()) == null
              ? new String[0] : entry.getAttributeValues(properties.groupMemberAttribute())) {
            DN member = call(() -> new DN(memberDn));
            if (!seen.add(member)) {
              continue;
            }
            SearchResultEntry memberEntry = call(() -> pool.getEntry(memberDn, memberAttributes()));
            if (memberEntry == null) {
              continue;
            }
            if (call(() -> groupFilter.matchesEntry(memberEntry))) {
              next.add(member);
            } else if (call(() -> userFilter.matchesEntry(memberEntry)) && member.isDescendantOf(
                call(() -> new DN(properties.userBase())), true)) {
              users.add(user(memberEntry));
            }
          }
        }
        groups = next;
      }
      // mail to a group is delivered per member in a job of its own, which looks the member up again: their
      // entries are remembered too, so that the mail goes on while the directory is down
      users.forEach(user -> lastKnown.put("user:" + user.id(), Optional.of(user)));
      return users;
    });
  }

  private DirectoryEntry user(SearchResultEntry entry) {
    return new DirectoryEntry(entry.getDN(), entry.getAttributeValue(properties.userIdAttribute()),
        entry.getAttributeValue(properties.firstNameAttribute()), entry.getAttributeValue(properties.lastNameAttribute()),
        entry.getAttributeValue(properties.emailAttribute()));
  }

  private String[] userAttributes() {
    return new String[] {properties.userIdAttribute(), properties.firstNameAttribute(), properties.lastNameAttribute(),
        properties.emailAttribute()};
  }

  /** What the local filters need to tell users from groups, and what the suite shows of a user. */
  private String[] memberAttributes() {
    return new String[] {"objectClass", properties.userIdAttribute(), properties.firstNameAttribute(),
        properties.lastNameAttribute(), properties.emailAttribute()};
  }

  /** What the directory answers; its last answer while it cannot be reached; else a clear failure. */
  @SuppressWarnings("unchecked")
  private <T> T remembered(String key, LdapCall<T> call) {
    try {
      T answer = call(call);
      lastKnown.put(key, answer);
      return answer;
    } catch (DirectoryUnavailableException unreachable) {
      Object known = lastKnown.get(key);
      if (known == null) {
        throw unreachable;
      }
      return (T) known;
    }
  }

  /** An LDAP call; a directory that does not answer is a {@link DirectoryUnavailableException}. */
  private static <T> T call(LdapCall<T> call) {
    try {
      return call.run();
    } catch (LDAPException e) {
      if (!e.getResultCode().isConnectionUsable() || e.getResultCode() == ResultCode.TIMEOUT) {
        LOG.warn("The company directory cannot be reached: {}", e.getMessage());
        throw new DirectoryUnavailableException(e);
      }
      throw new IllegalStateException("The company directory refused a search: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface LdapCall<T> {
    T run() throws LDAPException;
  }

  DirectoryProperties properties() {
    return properties;
  }

  @Override
  public void close() {
    pool.close();
  }
}
