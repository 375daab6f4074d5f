package org.itops.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The KPIs of a period as a page with bar charts (inline SVG, no script): what a service review attaches, and what
 * an admin opens to look at this month.
 */
final class KpiReport {

  static String html(Kpis kpis) {
    Kpis.Incidents incidents = kpis.incidents();
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>KPIs "
        + day(kpis) + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        + "section{display:inline-block;vertical-align:top;width:28em;margin:0 1em 2em 0}"
        + "td{padding:0 1em 0 0}</style></head><body>");
    page.append("<h1>KPIs ").append(day(kpis)).append(kpis.service() == null ? "" : ", " + escape(kpis.service()))
        .append("</h1>");
    page.append(chart("Mean time to take (minutes)", incidents.mttaMinutes()));
    page.append(chart("Mean time to resolve (minutes)", incidents.mttrMinutes()));
    Map<String, Double> sla = new LinkedHashMap<>();
    sla.put("response", incidents.responseSlaPercent());
    sla.put("resolution", incidents.resolutionSlaPercent());
    sla.put("reopened", incidents.reopenRatePercent());
    page.append(chart("Incidents: SLA met and reopened (%)", sla));
    page.append(chart("Open incidents by age", doubles(incidents.backlog())));
    page.append(chart("Incidents reported per service", doubles(incidents.perService())));
    Map<String, Double> others = new LinkedHashMap<>();
    others.put("changes succeeded %", kpis.changes().successRatePercent());
    others.put("emergency changes %", kpis.changes().emergencyRatioPercent());
    others.put("accepted at first test %", kpis.demands().acceptanceFirstPassPercent());
    others.put("drills passed %", kpis.drills().passRatePercent());
    others.put("satisfied (4-5) %", kpis.satisfaction().satisfiedPercent());
    page.append(chart("Changes, deliveries, satisfaction (%)", others));
    page.append("<section><h2>Figures</h2><table>")
        .append(row("Incidents reported / resolved", incidents.reported() + " / " + incidents.resolved()))
        .append(row("Changes closed / requested", kpis.changes().closed() + " / " + kpis.changes().requested()))
        .append(row("Demands delivered", String.valueOf(kpis.demands().delivered())))
        .append(row("Demand lead time (days)", figure(kpis.demands().leadTimeDays())))
        .append(row("Survey answers / CSAT (1-5)", kpis.satisfaction().answers() + " / "
            + figure(kpis.satisfaction().csat())))
        .append("</table></section></body></html>");
    return page.toString();
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

  private static Map<String, Double> doubles(Map<String, Long> counts) {
    Map<String, Double> values = new LinkedHashMap<>();
    counts.forEach((key, count) -> values.put(key, count.doubleValue()));
    return values;
  }

  private static String row(String label, String value) {
    return "<tr><td>" + escape(label) + "</td><td>" + escape(value) + "</td></tr>";
  }

  private static String day(Kpis kpis) {
    return kpis.from().toString().substring(0, 10) + " - " + kpis.to().toString().substring(0, 10);
  }

  private static String figure(Double value) {
    return value == null ? "-" : String.valueOf(value);
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }

  private KpiReport() {}
}
