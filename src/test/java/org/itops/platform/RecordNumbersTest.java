package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SuiteTest
class RecordNumbersTest {

  @Autowired RecordNumbers recordNumbers;
  @Autowired TransactionTemplate transactions;

  @Test
  void numbersFollowEachOtherWithTheirPrefixAndSixDigits() {
    String first = transactions.execute(tx -> recordNumbers.next("KBA"));
    String second = transactions.execute(tx -> recordNumbers.next("KBA"));

    assertThat(first).matches("KBA-\\d{6}");
    assertThat(number(second)).isEqualTo(number(first) + 1);
  }

  @Test
  void aRolledBackRecordGivesItsNumberBack() {
    String before = transactions.execute(tx -> recordNumbers.next("AUD"));
    transactions.executeWithoutResult(tx -> {
      recordNumbers.next("AUD");
      tx.setRollbackOnly();
    });

    assertThat(number(transactions.execute(tx -> recordNumbers.next("AUD")))).isEqualTo(number(before) + 1);
  }

  @Test
  void refusesUnknownPrefixesAndCallsOutsideATransaction() {
    assertThatThrownBy(() -> transactions.execute(tx -> recordNumbers.next("XYZ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XYZ");
    assertThatThrownBy(() -> recordNumbers.next("INC")).isInstanceOf(IllegalTransactionStateException.class);
  }

  private static int number(String recordNumber) {
    return Integer.parseInt(recordNumber.substring(4));
  }
}
