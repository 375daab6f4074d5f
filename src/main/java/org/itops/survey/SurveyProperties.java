package org.itops.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Surveys (prefix {@code itops.surveys}).
 *
 * @param secret the key that signs the survey links (HMAC-SHA256); production sets its own
 *     ({@code ITOPS_SURVEY_SECRET}), since anyone who knows it can forge links
 * @param validity how long a link may be answered
 */
@ConfigurationProperties("itops.surveys")
public record SurveyProperties(String secret, @DefaultValue("P14D") Duration validity) {

  public SurveyProperties {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("itops.surveys.secret must have at least 16 characters (ITOPS_SURVEY_SECRET)");
    }
  }
}
