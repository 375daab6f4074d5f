package org.itops.platform;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the codes the suite stores (priority {@code P1}, impact {@code high}, group {@code service-desk}...) are shown
 * to people in mails and forms, in the suite's language: one table per kind of code in
 * {@code i18n/messages*.properties}, {@code code.<kind>.<code>} (English shows the codes as stored). The stored
 * values stay codes: they are what processes, tables, the API and integrations read. A code the table lacks is
 * shown as it is.
 */
@Component
public class ShownCodes {

  /** The kind of code a variable holds, by the variable's name, wherever it is shown. */
  static final Map<String, String> KINDS = Map.ofEntries(
      entry("priority", "priority"), entry("computedPriority", "priority"),
      entry("impact", "level"), entry("urgency", "level"), entry("risk", "level"), entry("effort", "level"),
      entry("severity", "severity"),
      entry("assignedGroup", "group"), entry("supportGroup", "group"), entry("ownerGroup", "group"),
      entry("owningGroup", "group"), entry("suggestedGroup", "group"), entry("approverGroup", "group"),
      entry("participatingTeams", "group"),
      entry("classification", "changeType"), entry("outcome", "changeOutcome"),
      entry("tier", "tier"), entry("hours", "hours"), entry("category", "category"), entry("costBand", "costBand"),
      entry("resolutionCode", "resolutionCode"), entry("dataCategory", "dataCategory"),
      entry("approvalRoute", "approvalRoute"),
      entry("notifyRegulator", "yesNo"), entry("notifySubjects", "yesNo"), entry("notificationRequired", "yesNo"));

  private final MessageSource messages;
  private final Locale language;

  ShownCodes(MessageSource messages, SuiteProperties suite) {
    this.messages = messages;
    this.language = suite.language();
  }

  /**
   * The value of the variable as people read it in the suite's language: a code by its shown name, each of a
   * comma-separated list of codes too; any other value as it is (null as empty).
   */
  public String shown(String variable, Object value) {
    return shown(variable, value, language);
  }

  /** The value of the variable as people read it in the given language (a timeline read in a request's one). */
  public String shown(String variable, Object value, Locale language) {
    String kind = KINDS.get(variable);
    if (value == null || kind == null) {
      return value == null ? "" : String.valueOf(value);
    }
    return Arrays.stream(String.valueOf(value).split(",", -1))
        .map(code -> messages.getMessage("code." + kind + "." + code.strip(), null, code.strip(), language))
        .collect(Collectors.joining(Locale.CHINESE.getLanguage().equals(language.getLanguage()) ? "、" : ", "));
  }

  /**
   * The name of one of the suite's groups as Tasklist and Admin show it: the configured name
   * ({@code itops.access.groups}) in English, the table's name in another language (the configured one when the
   * table lacks the group).
   */
  public String groupName(String groupId, String configuredName) {
    return Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? configuredName
        : messages.getMessage("code.group." + groupId, null, configuredName, language);
  }
}
