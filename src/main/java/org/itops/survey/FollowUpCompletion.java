package org.itops.survey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Component;

/**
 * "Follow up a low rating": what the service desk did must be said, and goes on the surveyed record's timeline; an
 * improvement it proposes starts continuous-improvement at the event after it (ProposeFollowUpImprovementDelegate).
 */
@Component("surveyFollowUpCompletion")
class FollowUpCompletion implements TaskListener {

  private final Timeline timeline;

  FollowUpCompletion(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    Object notes = task.getVariable("followUpNotes");
    if (notes == null || notes.toString().isBlank()) {
      throw new InvalidRequestException("followUpNotes", "reason.survey.followUp");
    }
    String record = (String) task.getVariable("surveyedRecord");
    timeline.record(record, "SURVEY_FOLLOWED_UP", "timeline.typed", notes.toString().strip());
  }
}
