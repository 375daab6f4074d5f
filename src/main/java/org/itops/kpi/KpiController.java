package org.itops.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.itops.platform.NotAllowedException;
import org.itops.platform.ReadRules;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteText;
import org.itops.platform.SuiteTime;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/kpis}: the KPIs of a period (default: this month) and of one service or all, for those who read every
 * record of each kind they count ({@link #COUNTED}): a narrow period would otherwise show one record's figures.
 */
@RestController
@RequestMapping("/api/kpis")
class KpiController {

  /** The kinds of record the KPIs count, by the prefix of their numbers: incidents, changes, demands, drills, surveys. */
  static final List<String> COUNTED = List.of("INC", "CHG", "DMD", "DRL", "SVY");

  private final KpiService kpis;
  private final ReadRules readRules;
  private final Clock clock;
  private final SuiteText text;
  private final SuiteTime time;

  KpiController(KpiService kpis, ReadRules readRules, Clock clock, SuiteText text, SuiteTime time) {
    this.kpis = kpis;
    this.readRules = readRules;
    this.clock = clock;
    this.text = text;
    this.time = time;
  }

  @GetMapping
  Kpis get(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String service) {
    if (!readRules.readsAllOf(COUNTED)) {
      throw new NotAllowedException("detail.forbidden.kpis");
    }
    YearMonth month = YearMonth.from(clock.instant().atZone(time.zone()));
    ReportPeriod period = ReportPeriod.of(from, to, new ReportPeriod(month.atDay(1).atStartOfDay(time.zone())
        .toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant()), time.zone());
    return kpis.of(period.from(), period.to(), service == null || service.isBlank() ? null : service.strip());
  }

  /** The same KPIs as a page with charts. */
  @GetMapping(path = "/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String service) {
    return KpiReport.html(get(from, to, service), text, time.zone(),
        LocalDate.ofInstant(clock.instant(), time.zone()));
  }
}
