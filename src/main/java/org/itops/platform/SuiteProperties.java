package org.itops.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the suite itself (prefix {@code itops}).
 *
 * @param baseUrl where people reach the suite, used in the links of mails
 * @param demoUsers create the demo users (password = user name); the embedded default only
 * @param productionMode refuse to start with demo users or a weak administrator password
 * @param admin the administrator created in production mode
 * @param technicalUsers users of machines (user id: its groups), created at start with a random password
 * @param apiTokens bearer tokens of users (user id: token) for machines that cannot send a password; an empty
 *     token is no token
 * @param language the language of what the suite shows, mails and deploys: {@code en} or {@code zh-CN}
 * @param timeZone the zone of every date the suite shows or mails and of its schedules; the system's when not set
 *     (the database keeps UTC)
 */
@ConfigurationProperties("itops")
public record SuiteProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    boolean demoUsers,
    boolean productionMode,
    @DefaultValue Admin admin,
    @DefaultValue Map<String, List<String>> technicalUsers,
    @DefaultValue Map<String, String> apiTokens,
    @DefaultValue("en") Locale language,
    ZoneId timeZone) {

  /** The languages the suite is written in. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  public SuiteProperties {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(
          "itops.language is " + language.toLanguageTag() + ": the suite speaks en or zh-CN");
    }
  }

  /** The zone of dates shown and mailed and of the schedules. */
  public ZoneId zone() {
    return timeZone != null ? timeZone : ZoneId.systemDefault();
  }

  /**
   * @param userId the administrator's user name
   * @param password the administrator's password; required in production mode
   */
  public record Admin(@DefaultValue("admin") String userId, String password) {}

  /** The base URL without a trailing slash, ready to have a path appended. */
  public String baseUrlWithoutSlash() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
