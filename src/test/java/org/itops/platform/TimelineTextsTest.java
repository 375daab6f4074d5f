package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every timeline text the code names ({@code "timeline.*"} literals) is in both bundles. */
class TimelineTextsTest {

  private static final Pattern KEY = Pattern.compile("\"(timeline\\.[A-Za-z0-9_.]+)\"");

  @Test
  void everyTimelineKeyOfTheCodeIsInBothBundles() throws IOException {
    Set<String> used = usedKeys();
    assertThat(used).as("the scan finds the keys").hasSizeGreaterThan(50);
    for (String bundle : new String[] {"messages.properties", "messages_zh.properties"}) {
      assertThat(bundle(bundle).stringPropertyNames()).as(bundle).containsAll(used);
    }
  }

  private static Set<String> usedKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher matcher = KEY.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
    }
    return keys;
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/i18n", name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
