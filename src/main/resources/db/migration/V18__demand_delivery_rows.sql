-- Every demand has its delivery row from the start (written with the demand), so that reading a demand never writes:
-- the rows that demands of earlier versions did not have yet.
insert into demand_delivery (demand_number)
  select d.number from demand d where not exists (select 1 from demand_delivery v where v.demand_number = d.number);
