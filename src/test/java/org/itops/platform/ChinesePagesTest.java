package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.itops.ChineseSuiteTest;
import org.itops.SuiteClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the suite shows itself on a Chinese installation: Tasklist filters, the KPI report, the survey page. */
@ChineseSuiteTest
class ChinesePagesTest {

  @LocalServerPort int port;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired TaskFilters taskFilters;

  @Test
  void theSharedTasklistFiltersAreNamedAndDescribedInChinese() {
    for (String name : new String[] {"我所在组的任务", "未认领"}) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(filter.getOwner()).isNull();
      assertThat(filter.getProperties().get("description").toString()).contains("你所在组");
      assertThat(filter.getProperties().get("variables").toString()).contains("label=编号").contains("label=标题");
    }
    assertThat(filterService.createFilterQuery().filterName("My groups' tasks").count()).isZero();
  }

  @Test
  void aPersonalFilterNamedInEnglishIsRenamedNotDoubled() {
    String user = "switcher" + UUID.randomUUID().toString().substring(0, 8);
    Filter english = filterService.saveFilter(filterService.newTaskFilter("My tasks").setOwner(user)
        .setQuery(taskService.createTaskQuery().taskAssignee(user)));

    taskFilters.ensurePersonalFilter(user);

    assertThat(filterService.createFilterQuery().filterOwner(user).list())
        .singleElement().satisfies(filter -> {
          assertThat(filter.getId()).isEqualTo(english.getId());
          assertThat(filter.getName()).isEqualTo("我的任务");
          assertThat(filter.getProperties().get("description")).isEqualTo("分配给你的任务");
        });
  }

  @Test
  void theKpiReportIsInChineseWithItsDaysInTheSuitesZone() {
    HttpResponse<String> report = new SuiteClient(port).get("manager", "/api/kpis/report?from=2030-01-01&to=2030-02-01");

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
    assertThat(report.body()).contains("<html lang=\"zh-CN\">").contains("<h1>KPI 2030-01-01 - 2030-02-01</h1>")
        .contains("平均接手时间（分钟）").contains("变更、交付与满意度（%）").contains(">最近 30 天</a>")
        .doesNotContain("Mean time");
  }

  @Test
  void theSurveyPageIsInChinese() {
    HttpResponse<String> page = new SuiteClient(port).get(null, "/survey/no-such-link");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<html lang=\"zh-CN\">").contains("<h1>未知的调查</h1>").contains("此调查链接无效。");
  }
}
