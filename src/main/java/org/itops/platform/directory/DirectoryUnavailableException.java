package org.itops.platform.directory;

import org.camunda.bpm.engine.ProcessEngineException;

/** The company directory did not answer (down, unreachable, too slow, or its certificate was not trusted). */
public class DirectoryUnavailableException extends ProcessEngineException {

  public static final String MESSAGE = "The company directory cannot be reached, so nobody can log in with a"
      + " password now; try again in a few minutes. Administrators: see the suite's log.";

  DirectoryUnavailableException(Throwable cause) {
    super(MESSAGE, cause);
  }
}
