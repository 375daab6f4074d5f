package org.itops.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * How the engine stores users' passwords: bcrypt ({@link BcryptPasswords}) for every password set from now on. The
 * hashes that Camunda wrote before (SHA-512, SHA-1 before Camunda 7.7) stay verifiable: Camunda's password manager
 * always keeps those two among its password checkers (adding them again as custom checkers is refused, ENGINE-25002).
 * They are replaced by bcrypt at the user's next successful login ({@link PasswordUpgrade}).
 *
 * <p>The starter hands every process engine plugin bean to the engine. Plugins and the engine's configuration class
 * are in Camunda's {@code impl} packages: the only way to choose the password hash.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new BcryptPasswords());
  }
}
