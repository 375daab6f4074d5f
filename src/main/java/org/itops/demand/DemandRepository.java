package org.itops.demand;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Demands in {@code demand}, their specification versions and their delivery. */
@Repository
class DemandRepository {

  /** One version of a specification (the API shows it without its demand's number). */
  record Specification(@JsonIgnore String demandNumber, int version, String text, String reason, String writtenBy,
      Instant writtenAt) {}

  private static final Table<Demand> DEMANDS = Table.of("demand", Demand.class, "number");
  /** Keyed by demand and version; a version is never updated. */
  private static final Table<Specification> SPECIFICATIONS = Table.of("demand_specification", Specification.class,
      "demandNumber");
  private static final Table<Delivery> DELIVERIES = Table.of("demand_delivery", Delivery.class, "demandNumber");

  private final NamedParameterJdbcTemplate jdbc;

  DemandRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Demand demand) {
    jdbc.update(DEMANDS.insert(), DEMANDS.parameters(demand));
    // its delivery row from the start: reading a demand then never writes
    jdbc.update(DELIVERIES.insert(), DELIVERIES.parameters(Delivery.of(demand.getNumber())));
  }

  void update(Demand demand) {
    jdbc.update(DEMANDS.update(), DEMANDS.parameters(demand));
  }

  Optional<Demand> find(String number) {
    return jdbc.query(DEMANDS.select() + " where number = :number", Map.of("number", number), DEMANDS.rows())
        .stream().findFirst();
  }

  Page<Demand> list(String status, String requester, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("limit", size)
        .addValue("offset", (long) page * size);
    String where = new Filters(parameters).equal("status", status).equal("requester", requester).where();
    long total = jdbc.queryForObject("select count(*) from demand" + where, parameters, Long.class);
    return new Page<>(jdbc.query(DEMANDS.select() + where + " order by created_at desc, number desc"
        + " limit :limit offset :offset", parameters, DEMANDS.rows()), total);
  }

  void addSpecification(Specification specification) {
    jdbc.update(SPECIFICATIONS.insert(), SPECIFICATIONS.parameters(specification));
  }

  List<Specification> specifications(String number) {
    return jdbc.query(SPECIFICATIONS.select() + " where demand_number = :number order by version",
        Map.of("number", number), SPECIFICATIONS.rows());
  }

  /** The delivery (every demand has one, written with it). */
  Delivery delivery(String number) {
    return jdbc.query(DELIVERIES.select() + " where demand_number = :number", Map.of("number", number),
        DELIVERIES.rows()).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("Demand " + number + " has no delivery row"));
  }

  void update(Delivery delivery) {
    jdbc.update(DELIVERIES.update(), DELIVERIES.parameters(delivery));
  }
}
