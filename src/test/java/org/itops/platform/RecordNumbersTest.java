package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
  void concurrentCallersGetDifferentNumbers() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<String>> numbers = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        numbers.add(pool.submit(() -> transactions.execute(tx -> recordNumbers.next("DRL"))));
      }
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (java.util.concurrent.Future<String> number : numbers) {
        distinct.add(number.get());
      }
      assertThat(distinct).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesUnknownPrefixes() {
    assertThatThrownBy(() -> transactions.execute(tx -> recordNumbers.next("XYZ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XYZ");
    assertThatThrownBy(() -> recordNumbers.next("../")).isInstanceOf(IllegalArgumentException.class);
  }

  private static int number(String recordNumber) {
    return Integer.parseInt(recordNumber.substring(4));
  }
}
