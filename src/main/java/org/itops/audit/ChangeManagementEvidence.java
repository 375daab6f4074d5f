package org.itops.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.itops.change.Change;
import org.itops.change.ChangeService;
import org.itops.platform.ShownCodes;
import org.itops.platform.SuiteTime;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * A.8.32 change management: every change closed in the period, with its classification and risk, its window, who
 * voted in the CAB and when (the change's timeline), when it was approved, how it ended; a change without CAB votes
 * says why it did without them.
 */
@Component
class ChangeManagementEvidence implements ControlEvidence {

  private final ChangeService changes;
  private final EvidenceTexts texts;
  private final ShownCodes codes;
  private final SuiteTime time;

  ChangeManagementEvidence(ChangeService changes, EvidenceTexts texts, ShownCodes codes, SuiteTime time) {
    this.changes = changes;
    this.texts = texts;
    this.codes = codes;
    this.time = time;
  }

  @Override
  public String control() {
    return "A.8.32";
  }

  @Override
  public List<String> columns() {
    return List.of("evidence.change.summary", "evidence.change.classification", "evidence.change.risk",
        "evidence.change.window", "evidence.change.cabVotes", "evidence.change.approved", "evidence.change.withoutCab",
        "evidence.change.outcome", "evidence.change.closed");
  }

  @Override
  public List<Row> rows(Instant from, Instant to) {
    return changes.closedBetween(from, to).stream().map(this::row).toList();
  }

  private Row row(Change change) {
    List<Timeline.Entry> timeline = changes.timelineOf(change.number());
    List<Timeline.Entry> votes = timeline.stream().filter(e -> e.type().equals("CAB_VOTE")).toList();
    String approved = timeline.stream().filter(e -> e.type().equals("APPROVED")).map(e -> time.format(e.at()))
        .findFirst().orElse("");
    return new Row(change.number(), "/api/changes/" + change.number(), List.of(change.summary(),
        codes.shown("classification", change.classification()), codes.shown("risk", change.risk()),
        time.format(change.plannedStart()) + " - " + time.format(change.plannedEnd()),
        votes.stream().map(vote -> time.format(vote.at()) + " " + vote.detail()).collect(Collectors.joining("\n")),
        approved, votes.isEmpty() ? withoutCab(change) : "", codes.shown("outcome", change.outcome()),
        time.format(change.closedAt())));
  }

  /** Why a closed change had no CAB votes: the classification decides who approves it, or it ended before. */
  private String withoutCab(Change change) {
    return switch (change.classification() == null ? "" : change.classification()) {
      case "standard" -> texts.text("evidence.change.standard");
      case "emergency" -> texts.text("evidence.change.emergency");
      default -> texts.text("evidence.change.endedBeforeCab");
    };
  }
}
