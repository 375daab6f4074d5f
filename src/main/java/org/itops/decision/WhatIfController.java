package org.itops.decision;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.ReportPeriod;
import org.itops.platform.SuiteTime;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/decisions/{key}/what-if}: what a changed table (the {@code .dmn} file, multipart part
 * {@code file}) would have decided on the inputs recorded in a period ({@code from}, {@code to}; default the last 30
 * days), beside the table in force. For the process owners and the IT managers; the file is limited like every upload
 * ({@code itops.api.max-upload-bytes}).
 */
@RestController
@RequestMapping("/api/decisions")
class WhatIfController {

  static final List<String> ALLOWED = List.of("process-owners", "it-managers");
  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final WhatIf whatIf;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final SuiteTime time;

  WhatIfController(WhatIf whatIf, CurrentUser currentUser, Clock clock, SuiteTime time) {
    this.whatIf = whatIf;
    this.currentUser = currentUser;
    this.clock = clock;
    this.time = time;
  }

  @PostMapping("/{key}/what-if")
  WhatIf.Answer whatIf(@PathVariable String key, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) throws IOException {
    if (currentUser.groups().stream().noneMatch(ALLOWED::contains)) {
      throw new NotAllowedException("detail.forbidden.whatIf");
    }
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "reason.whatIf.noFile");
    }
    ReportPeriod period = ReportPeriod.of(from, to,
        new ReportPeriod(clock.instant().minus(DEFAULT_PERIOD), clock.instant()), time.zone());
    String fileName = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
    return whatIf.of(key, fileName, file.getBytes(), period);
  }
}
