package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text of the suite's own (mail templates, {@code i18n/messages*.properties}) exists in English and Chinese with
 * the same values to fill in, and no Chinese text is left without its English source; every key the code names (the
 * reasons of refused fields, the API's errors, the names of codes) has its text.
 */
class SuiteTranslationsTest {

  private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();
  private static final Pattern MAIL_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
  private static final Pattern MESSAGE_ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");
  private static final Pattern KEY_IN_CODE =
      Pattern.compile("\"((?:reason|engine|api|code|deployment|detail|timeline)\\.[A-Za-z0-9.]+)\"");
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  @Test
  void everyMailTemplateHasAChineseTranslationWithTheSamePlaceholdersAndNoneIsLeftOver() throws IOException {
    Set<String> english = names("classpath*:mail/*.txt");
    Set<String> chinese = names("classpath*:mail/zh-CN/*.txt");
    assertThat(english).as("mail templates").isNotEmpty();

    assertThat(difference(english, chinese)).as("mail/<name>.txt without mail/zh-CN/<name>.txt").isEmpty();
    assertThat(difference(chinese, english)).as("mail/zh-CN/<name>.txt whose English source is gone").isEmpty();
    List<String> differing = new ArrayList<>();
    for (String name : english) {
      Set<String> inEnglish = matches(MAIL_PLACEHOLDER, text("mail/" + name));
      Set<String> inChinese = matches(MAIL_PLACEHOLDER, text("mail/zh-CN/" + name));
      if (!inEnglish.equals(inChinese)) {
        differing.add(name + ": English " + inEnglish + ", Chinese " + inChinese);
      }
      assertThat(text("mail/zh-CN/" + name)).as(name).startsWith("Subject: ").contains("\n\n");
    }
    assertThat(differing).as("templates whose translation fills in other values").isEmpty();
  }

  @Test
  void everyMessageHasAChineseTranslationWithTheSameArgumentsAndNoneIsLeftOver() throws IOException {
    Properties english = properties("i18n/messages.properties");
    Properties chinese = properties("i18n/messages_zh.properties");

    assertThat(difference(english.stringPropertyNames(), chinese.stringPropertyNames()))
        .as("keys of messages.properties missing in messages_zh.properties").isEmpty();
    assertThat(difference(chinese.stringPropertyNames(), english.stringPropertyNames()))
        .as("keys of messages_zh.properties whose English source is gone").isEmpty();
    List<String> differing = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      Set<String> inEnglish = matches(MESSAGE_ARGUMENT, english.getProperty(key));
      Set<String> inChinese = matches(MESSAGE_ARGUMENT, chinese.getProperty(key));
      if (!inEnglish.equals(inChinese)) {
        differing.add(key + ": English " + inEnglish + ", Chinese " + inChinese);
      }
    }
    assertThat(differing).as("messages whose translation fills in other values").isEmpty();
  }

  @Test
  void everyKeyTheCodeNamesHasItsTextAndApostrophesAreWrittenAsMessageFormatReadsThem() throws IOException {
    Properties english = properties("i18n/messages.properties");
    Set<String> named = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        named.addAll(matches(KEY_IN_CODE, Files.readString(source)));
      }
    }
    assertThat(named).as("keys of reasons, errors and timeline entries in the code").hasSizeGreaterThan(100);

    // a key the code completes (engine.ofTask + ".notAField", "code.group." + id) is the start of keys
    assertThat(named.stream().filter(key -> !english.containsKey(key) && english.stringPropertyNames().stream()
        .noneMatch(known -> known.startsWith(key.endsWith(".") ? key : key + "."))))
        .as("keys named in src/main/java without a text in messages.properties").isEmpty();
    List<String> misquoted = new ArrayList<>();
    for (Properties messages : List.of(english, properties("i18n/messages_zh.properties"))) {
      for (String key : messages.stringPropertyNames()) {
        String text = messages.getProperty(key);
        boolean formatted = MESSAGE_ARGUMENT.matcher(text).find();
        // MessageFormat reads a brace of the text, as in ${...}, quoted: '{' and '}'
        if (formatted ? LONE_APOSTROPHE.matcher(text.replaceAll("'[{}]'", "")).find() : text.contains("''")) {
          misquoted.add(key + "=" + text);
        }
      }
    }
    assertThat(misquoted).as("with {0}... an apostrophe is written '', without it '").isEmpty();
  }

  private static Set<String> names(String pattern) throws IOException {
    Set<String> names = new TreeSet<>();
    for (Resource resource : RESOURCES.getResources(pattern)) {
      names.add(resource.getFilename());
    }
    return names;
  }

  private static Set<String> difference(Set<String> these, Set<String> those) {
    Set<String> difference = new TreeSet<>(these);
    difference.removeAll(those);
    return difference;
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String text(String path) throws IOException {
    try (InputStream in = RESOURCES.getResource("classpath:" + path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }

  private static Properties properties(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = RESOURCES.getResource("classpath:" + path).getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
