package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A row written and read back through its table's derived SQL, as a record and as a class with setters. */
class TableTest {

  enum Colour { RED, GREEN }

  record Sample(String number, String longTitle, Colour colour, Integer rating, int count, boolean done,
      LocalDate due, Instant createdAt, Instant closedAt, List<String> teams, List<String> notAColumn) {}

  /** A row that many steps change one column at a time. */
  public static class Bean {
    private String number;
    private String longTitle;
    private Instant createdAt;

    public String getNumber() {
      return number;
    }

    public void setNumber(String number) {
      this.number = number;
    }

    public String getLongTitle() {
      return longTitle;
    }

    public void setLongTitle(String longTitle) {
      this.longTitle = longTitle;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
      this.createdAt = createdAt;
    }

    public boolean isOpen() { // read-only: not a column
      return true;
    }
  }

  private static final Table<Sample> SAMPLES = Table.of("sample", Sample.class, "number", "notAColumn");
  private static final Table<Bean> BEANS = Table.of("bean", Bean.class, "number");

  private NamedParameterJdbcTemplate jdbc;

  @BeforeEach
  void createTables() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:table-test;DB_CLOSE_DELAY=-1");
    jdbc = new NamedParameterJdbcTemplate(dataSource);
    jdbc.getJdbcTemplate().execute("drop all objects");
    jdbc.getJdbcTemplate().execute("create table sample (number varchar(20) primary key, long_title varchar(200),"
        + " colour varchar(10), rating int, count bigint, done boolean, due date, created_at timestamp,"
        + " closed_at timestamp, teams varchar(200))");
    jdbc.getJdbcTemplate().execute("create table bean (number varchar(20) primary key, long_title varchar(200),"
        + " created_at timestamp)");
  }

  @Test
  void theColumnsComeFromTheRecordsComponentsKeyFirst() {
    Table<Sample> byTitle = Table.of("sample", Sample.class, "longTitle", "notAColumn");

    assertThat(SAMPLES.columns())
        .isEqualTo("number, long_title, colour, rating, count, done, due, created_at, closed_at, teams");
    assertThat(byTitle.update()).startsWith("update sample set number = :number, colour = :colour")
        .endsWith(" where long_title = :longTitle");
  }

  @Test
  void aRecordIsWrittenUpdatedAndReadBackWithItsTypes() {
    Instant created = Instant.parse("2026-11-30T08:15:30Z");
    Sample sample = new Sample("S-1", "First", Colour.RED, null, 3, false, LocalDate.of(2026, 12, 24), created, null,
        null, List.of("ignored"));
    jdbc.update(SAMPLES.insert(), SAMPLES.parameters(sample));
    Sample changed = new Sample("S-1", "First, renamed", Colour.GREEN, 4, 5, true, sample.due(), created,
        created.plusSeconds(60), List.of("desk", "engineers"), null);
    jdbc.update(SAMPLES.update(), SAMPLES.parameters(changed));

    Sample read = jdbc.queryForObject(SAMPLES.select() + " where number = :number", Map.of("number", "S-1"),
        SAMPLES.rows());

    assertThat(read).isEqualTo(new Sample("S-1", "First, renamed", Colour.GREEN, 4, 5, true, LocalDate.of(2026, 12, 24),
        created, created.plusSeconds(60), List.of("desk", "engineers"), null));
    assertThat(jdbc.queryForObject("select teams from sample", Map.of(), String.class))
        .as("a list is one text column").isEqualTo("desk,engineers");
  }

  @Test
  void nullColumnsReadAsNullOrAPrimitivesZero() {
    jdbc.update("insert into sample (number) values ('S-2')", Map.of());

    Sample read = jdbc.queryForObject("select * from sample", Map.of(), SAMPLES.rows());

    assertThat(read).isEqualTo(new Sample("S-2", null, null, null, 0, false, null, null, null, null, null));
  }

  @Test
  void aClassWithSettersMapsItsReadAndWritePropertiesOnly() {
    Bean bean = new Bean();
    bean.setNumber("B-1");
    bean.setLongTitle("A bean");
    bean.setCreatedAt(Instant.parse("2026-11-30T08:00:00Z"));
    jdbc.update(BEANS.insert(), BEANS.parameters(bean));
    bean.setLongTitle("Renamed");
    jdbc.update(BEANS.update(), BEANS.parameters(bean));

    Bean read = jdbc.queryForObject(BEANS.select(), Map.of(), BEANS.rows());

    assertThat(BEANS.columns()).isEqualTo("number, created_at, long_title");
    assertThat(read).usingRecursiveComparison().isEqualTo(bean);
  }

  record Numbered(Long id, String longTitle) {}

  @Test
  void aRowWhoseKeyTheDatabaseGeneratesIsInsertedWithoutIt() {
    jdbc.getJdbcTemplate().execute("create table numbered (id bigint generated by default as identity primary key,"
        + " long_title varchar(200))");
    Table<Numbered> numbered = Table.of("numbered", Numbered.class, "id");
    GeneratedKeyHolder key = new GeneratedKeyHolder();

    jdbc.update(numbered.insertGeneratingKey(), numbered.parameters(new Numbered(null, "First")), key,
        new String[] {numbered.keyColumn()});

    assertThat(numbered.insertGeneratingKey()).isEqualTo("insert into numbered (long_title) values (:longTitle)");
    assertThat(jdbc.queryForObject(numbered.select(), Map.of(), numbered.rows()))
        .isEqualTo(new Numbered(key.getKey().longValue(), "First"));
  }

  @Test
  void aKeyThatIsNoPropertyIsRefusedWhenTheTableIsDeclared() {
    assertThatThrownBy(() -> Table.of("sample", Sample.class, "id"))
        .hasMessage("Sample has no property id for the key of table sample");
  }
}
