package org.itops.platform.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.itops.platform.AccessProperties;
import org.itops.platform.SuiteProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: the engine's users and groups come from the company directory, read-only
 * ({@link DirectoryIdentityProvider}). Refuses to start on a configuration that would lock everybody out or send
 * passwords in clear text in production.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
@EnableConfigurationProperties(DirectoryProperties.class)
class CompanyDirectory {

  @Bean(destroyMethod = "close")
  Directory directory(DirectoryProperties properties, AccessProperties access, SuiteProperties suite) {
    refuseUnusable(properties, access, suite);
    return new Directory(properties);
  }

  /**
   * The engine takes every process engine plugin bean (Camunda's Spring Boot starter). Plugins are in Camunda's
   * {@code impl} packages: the only way to replace the identity provider.
   */
  @Bean
  AbstractProcessEnginePlugin companyDirectoryPlugin(Directory directory, AccessProperties access,
      SuiteProperties suite) {
    DirectoryIdentityProvider provider = new DirectoryIdentityProvider(directory, access.groups(),
        AccessProperties.ADMIN_GROUP, suite.technicalUsers());
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return ReadOnlyIdentityProvider.class;
          }

          @Override
          public Session openSession() {
            return provider;
          }
        });
      }
    };
  }

  private static void refuseUnusable(DirectoryProperties properties, AccessProperties access, SuiteProperties suite) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("url (ITOPS_LDAP_URL)", properties.url());
    required.put("user-base (ITOPS_LDAP_USER_BASE)", properties.userBase());
    required.put("group-base (ITOPS_LDAP_GROUP_BASE)", properties.groupBase());
    required.put("group-mapping (ITOPS_LDAP_GROUP_MAPPING)", properties.groupMapping());
    List<String> missing = required.entrySet().stream().filter(e -> e.getValue() == null || e.getValue().isBlank())
        .map(Map.Entry::getKey).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The ldap profile needs the company directory's settings itops.directory."
          + missing + " (docs/production.md, \"Company directory\")");
    }
    List<String> unknown = properties.mappedGroups().keySet().stream()
        .filter(group -> !access.groups().containsKey(group)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("itops.directory.group-mapping names groups the suite does not have: " + unknown
          + "; the suite's groups are " + access.groups().keySet());
    }
    if (!properties.mappedGroups().containsKey(AccessProperties.ADMIN_GROUP)) {
      throw new IllegalStateException("itops.directory.group-mapping maps no directory group to "
          + AccessProperties.ADMIN_GROUP + ": nobody could administer the suite");
    }
    if (suite.demoUsers()) {
      throw new IllegalStateException("itops.demo-users is true, but the company directory is read-only: the suite"
          + " cannot create the demo users there. Set itops.demo-users=false (the ldap profile does).");
    }
    if (suite.productionMode() && !properties.usesTls()) {
      throw new IllegalStateException("Production mode refuses to start: the company directory is reached without"
          + " TLS, so passwords would cross the network readable. Use an ldaps:// URL or ITOPS_LDAP_START_TLS=true.");
    }
  }
}
