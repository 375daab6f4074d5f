package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webapps speak Simplified Chinese completely: each app's {@code locales/zh.json} of the suite has exactly the
 * keys of the English file that Camunda 7.24 ships (a new Camunda version with new texts fails here), every text is
 * there, and its placeholders and markup are the English text's. The apps offer the language ({@code config.js}).
 */
class WebappTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  /**
   * What the webapps fill in or render: {{ expressions }}, HTML tags and entities, %d and %s. ({@code <null>} and
   * {@code <Operation>} are words in angle brackets, shown as they are, and translated.)
   */
  private static final Pattern MARKUP = Pattern.compile("\\{\\{[^}]*}}|%[ds]|&[a-z]+;"
      + "|</?(a|b|i|u|em|strong|br|p|span|div|code|pre|ul|ol|li|small|h[1-6]|table|tr|td|th)\\b[^>]*>");

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void theChineseTextsHaveExactlyTheKeysOfCamundasEnglishOnes(String app) {
    JsonNode english = locale(app, "en");
    JsonNode chinese = locale(app, "zh");

    assertThat(keys(chinese, "")).isEqualTo(keys(english, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void everyChineseTextKeepsThePlaceholdersAndMarkupOfTheEnglish(String app) {
    JsonNode english = locale(app, "en").path("labels");
    JsonNode chinese = locale(app, "zh").path("labels");
    List<String> differences = new ArrayList<>();

    english.fieldNames().forEachRemaining(key -> {
      if (!markup(english.path(key).asText()).equals(markup(chinese.path(key).asText()))) {
        differences.add(key + ": " + chinese.path(key).asText());
      }
    });

    assertThat(differences).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void mostTextsAreChineseAndNoneIsEmptyWhereTheEnglishIsNot(String app) {
    JsonNode english = locale(app, "en").path("labels");
    JsonNode chinese = locale(app, "zh").path("labels");
    List<String> empty = new ArrayList<>();
    int[] chineseTexts = {0};

    english.fieldNames().forEachRemaining(key -> {
      String text = chinese.path(key).asText();
      // a plural ending ("s") has nothing to say in Chinese
      if (text.isBlank() && english.path(key).asText().strip().length() > 1) {
        empty.add(key);
      }
      if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        chineseTexts[0]++;
      }
    });

    assertThat(empty).isEmpty();
    // what stays as it is: product names (Cockpit, Camunda), ID, operators such as >=, date patterns
    assertThat(chineseTexts[0]).isGreaterThan(english.size() * 9 / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
  void theAppOffersChineseAndHidesCamundasMigrationBanner(String app) {
    assertThat(text(APPS + app + "/scripts/config.js")).contains("availableLocales: ['en', 'zh']");
    assertThat(text(APPS + app + "/styles/user-styles.css")).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
  }

  private static Set<String> keys(JsonNode node, String prefix) {
    Set<String> keys = new TreeSet<>();
    node.fields().forEachRemaining(field -> {
      keys.add(prefix + field.getKey());
      if (field.getValue().isObject()) {
        keys.addAll(keys(field.getValue(), prefix + field.getKey() + "."));
      }
    });
    return keys;
  }

  private static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = MARKUP.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  /** An app's texts in a language: English from Camunda's webjar (the suite has none), Chinese from the suite. */
  private static JsonNode locale(String app, String language) {
    return json(APPS + app + "/locales/" + language + ".json");
  }

  private static JsonNode json(String resource) {
    try {
      return JSON.readTree(text(resource).replace("\uFEFF", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String resource) {
    URL url = WebappTranslationsTest.class.getClassLoader().getResource(resource);
    assertThat(url).as(resource).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
