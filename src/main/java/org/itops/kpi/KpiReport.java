package org.itops.kpi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itops.platform.SuiteText;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The KPIs of a period as a page with bar charts (inline SVG, no script): what a service review attaches, and what
 * an admin opens to look at this month.
 */
public final class KpiReport {

  /** The page in the suite's language, its days in the suite's zone; {@code today} there sets the period links. */
  static String html(Kpis kpis, SuiteText text, ZoneId zone, LocalDate today) {
    Kpis.Incidents incidents = kpis.incidents();
    String title = text.get("kpi.title", day(kpis, zone));
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"" + text.language().toLanguageTag()
        + "\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        + "section{display:inline-block;vertical-align:top;width:28em;margin:0 1em 2em 0}"
        + "td{padding:0 1em 0 0}</style></head><body>");
    page.append("<h1>").append(escape(title)).append(kpis.service() == null ? "" : ", " + escape(kpis.service()))
        .append("</h1>");
    page.append(periods(kpis.service(), text, today));
    page.append(chart(text.get("kpi.mtta"), incidents.mttaMinutes()));
    page.append(chart(text.get("kpi.mttr"), incidents.mttrMinutes()));
    page.append(chart(text.get("kpi.mttaBusiness"), incidents.mttaBusinessMinutes()));
    page.append(chart(text.get("kpi.mttrBusiness"), incidents.mttrBusinessMinutes()));
    Map<String, Double> sla = new LinkedHashMap<>();
    sla.put(text.get("kpi.sla.response"), incidents.responseSlaPercent());
    sla.put(text.get("kpi.sla.resolution"), incidents.resolutionSlaPercent());
    sla.put(text.get("kpi.sla.reopened"), incidents.reopenRatePercent());
    page.append(chart(text.get("kpi.sla"), sla));
    page.append(chart(text.get("kpi.backlog"), doubles(incidents.backlog())));
    page.append(chart(text.get("kpi.perService"), doubles(incidents.perService())));
    Map<String, Double> others = new LinkedHashMap<>();
    others.put(text.get("kpi.others.changesSucceeded"), kpis.changes().successRatePercent());
    others.put(text.get("kpi.others.emergencyChanges"), kpis.changes().emergencyRatioPercent());
    others.put(text.get("kpi.others.acceptedFirstTest"), kpis.demands().acceptanceFirstPassPercent());
    others.put(text.get("kpi.others.drillsPassed"), kpis.drills().passRatePercent());
    others.put(text.get("kpi.others.satisfied"), kpis.satisfaction().satisfiedPercent());
    page.append(chart(text.get("kpi.others"), others));
    page.append(availability(kpis.availability(), text));
    page.append("<section><h2>").append(escape(text.get("kpi.figures"))).append("</h2><table>")
        .append(row(text.get("kpi.figures.incidents"), incidents.reported() + " / " + incidents.resolved()))
        .append(row(text.get("kpi.figures.changes"), kpis.changes().closed() + " / " + kpis.changes().requested()))
        .append(row(text.get("kpi.figures.demandsDelivered"), String.valueOf(kpis.demands().delivered())))
        .append(row(text.get("kpi.figures.demandLeadTime"), figure(kpis.demands().leadTimeDays())))
        .append(row(text.get("kpi.figures.surveys"), kpis.satisfaction().answers() + " / "
            + figure(kpis.satisfaction().csat())))
        .append(row(text.get("kpi.figures.pages"), kpis.pages().acknowledged() + " / " + kpis.pages().paged() + " / "
            + figure(kpis.pages().mttaMinutes())))
        .append(row(text.get("kpi.figures.problems"), kpis.problems().open() + " / "
            + kpis.problems().linkedIncidents()))
        .append(row(text.get("kpi.figures.timeToRootCause"), figure(kpis.problems().timeToRootCauseHours())))
        .append(row(text.get("kpi.figures.recurredAfterFix"), figure(kpis.problems().recurredAfterFixPercent())))
        .append("</table></section></body></html>");
    return page.toString();
  }

  /**
   * Links to the usual periods: this month (the default), last month, and the last 30 days, which early in a month
   * shows what this month cannot yet (a first start's demo data, a month's work just ended).
   */
  private static String periods(String service, SuiteText text, LocalDate today) {
    LocalDate thisMonth = today.withDayOfMonth(1);
    return "<nav>" + link(text.get("kpi.period.thisMonth"), thisMonth, thisMonth.plusMonths(1), service) + " · "
        + link(text.get("kpi.period.lastMonth"), thisMonth.minusMonths(1), thisMonth, service) + " · "
        + link(text.get("kpi.period.last30Days"), today.minusDays(29), today.plusDays(1), service) + "</nav>";
  }

  private static String link(String label, LocalDate from, LocalDate to, String service) {
    String query = "?from=" + from + "&to=" + to
        + (service == null ? "" : "&service=" + UriUtils.encodeQueryParam(service, StandardCharsets.UTF_8));
    return "<a href=\"" + escape(query) + "\">" + escape(label) + "</a>";
  }

  /** A horizontal bar chart of the values (a value that cannot be measured shows as "-"). */
  static String chart(String title, Map<String, Double> values) {
    double max = values.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
    int height = 24 * Math.max(1, values.size());
    StringBuilder svg = new StringBuilder("<section><h2>").append(escape(title))
        .append("</h2><svg role=\"img\" width=\"440\" height=\"").append(height).append("\" aria-label=\"")
        .append(escape(title)).append("\">");
    int y = 0;
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      double width = entry.getValue() == null || max == 0 ? 0 : 260 * entry.getValue() / max;
      svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"12\">").append(escape(entry.getKey()))
          .append("</text><rect x=\"130\" y=\"").append(y + 4).append("\" width=\"").append(Math.round(width))
          .append("\" height=\"16\" fill=\"#3b6ea5\"></rect><text x=\"").append(136 + Math.round(width))
          .append("\" y=\"").append(y + 16).append("\" font-size=\"12\">").append(figure(entry.getValue()))
          .append("</text>");
      y += 24;
    }
    return svg.append("</svg></section>").toString();
  }

  /** The availability of each service with a target: a table, with the months below target marked. */
  private static String availability(java.util.List<Kpis.ServiceAvailability> services, SuiteText text) {
    StringBuilder table = new StringBuilder("<section id=\"availability\"><h2>")
        .append(escape(text.get("kpi.availability"))).append("</h2>");
    if (services.isEmpty()) {
      return table.append("<p>").append(escape(text.get("kpi.availability.none"))).append("</p></section>").toString();
    }
    table.append("<table><tr><th>").append(escape(text.get("kpi.availability.service"))).append("</th><th>")
        .append(escape(text.get("kpi.availability.target"))).append("</th><th>")
        .append(escape(text.get("kpi.availability.measured"))).append("</th><th>")
        .append(escape(text.get("kpi.availability.outageMinutes"))).append("</th><th>")
        .append(escape(text.get("kpi.availability.met"))).append("</th></tr>");
    for (Kpis.ServiceAvailability service : services) {
      String met = service.met() == null ? "-"
          : text.get(service.met() ? "kpi.availability.yes" : "kpi.availability.no");
      table.append("<tr><td>").append(escape(service.service())).append("</td><td>")
          .append(service.targetPercent()).append(" %</td><td>")
          .append(service.availabilityPercent() == null ? "-" : service.availabilityPercent() + " %")
          .append("</td><td>").append(service.outageMinutes()).append(" / ").append(service.serviceMinutes())
          .append("</td><td").append(Boolean.FALSE.equals(service.met()) ? " style=\"color:#b00020\"" : "")
          .append(">").append(escape(met)).append("</td></tr>");
    }
    return table.append("</table></section>").toString();
  }

  private static Map<String, Double> doubles(Map<String, Long> counts) {
    Map<String, Double> values = new LinkedHashMap<>();
    counts.forEach((key, count) -> values.put(key, count.doubleValue()));
    return values;
  }

  private static String row(String label, String value) {
    return "<tr><td>" + escape(label) + "</td><td>" + escape(value) + "</td></tr>";
  }

  /** The days the period starts and ends on, in the zone. */
  public static String day(Kpis kpis, ZoneId zone) {
    return LocalDate.ofInstant(kpis.from(), zone) + " - " + LocalDate.ofInstant(kpis.to(), zone);
  }

  private static String figure(Double value) {
    return value == null ? "-" : String.valueOf(value);
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }

  private KpiReport() {}
}
