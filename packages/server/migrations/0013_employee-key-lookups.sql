-- Every foreign key to an employee (employee_versions, payroll's tables) is checked with
-- `office_id = $1 and client_id = $2 and id = $3`, a plan each connection makes once and keeps.
-- Before the first ANALYZE of employees (a new installation, or the first large import), the
-- planner could not tell employees_client (office_id, client_id, hire_date) from the unique key
-- (office_id, client_id, id) and took the smaller one, filtering on id: each check then read every
-- employee of the client, and an import of 100,000 people into one client made ~5·10⁹ index reads
-- (bench:server). Without employees_client the unique key is the only index on those leading
-- columns; it also serves the per-client scans employees_client served (payroll's employees of a
-- client, hire date filtered on the rows).
drop index employees_client;
