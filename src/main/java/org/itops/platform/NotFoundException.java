package org.itops.platform;

/** A record that does not exist, or that the caller may not see (the API does not tell the two apart). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
