package org.itops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How people on a Chinese installation ({@link ChineseSuiteTest#ZONE}) read an instant, written out for the tests. */
public final class ShanghaiTime {

  private ShanghaiTime() {}

  public static String shown(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(ZoneId.of(ChineseSuiteTest.ZONE)))
        + " (UTC+08:00)";
  }
}
