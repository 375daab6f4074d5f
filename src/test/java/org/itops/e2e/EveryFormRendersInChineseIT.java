package org.itops.e2e;

import java.util.Locale;

/**
 * Every form again, with the suite in Simplified Chinese ({@code itops.language=zh-CN}) and a browser that asks
 * for zh-CN: the forms as deployed in Chinese render in the Chinese Tasklist, every field with its label.
 */
@EndToEndTest
@ChineseInstallation
class EveryFormRendersInChineseIT extends EveryFormRendersIT {

  @Override
  Locale language() {
    return Locale.SIMPLIFIED_CHINESE;
  }
}
