package org.itops.cmdb;

/** An item named by {@code name@environment}; a bare name means the environment of whoever names it. */
record CiReference(String name, String environment) {

  /** Reads {@code db-01@production}, or {@code db-01} in {@code defaultEnvironment}. */
  static CiReference parse(String text, String defaultEnvironment) {
    String trimmed = text.strip();
    int at = trimmed.lastIndexOf('@');
    return at < 0 ? new CiReference(trimmed, defaultEnvironment)
        : new CiReference(trimmed.substring(0, at).strip(), trimmed.substring(at + 1).strip());
  }

  @Override
  public String toString() {
    return name + "@" + environment;
  }
}
