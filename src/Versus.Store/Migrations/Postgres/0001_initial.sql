-- Runs, their measurements, and a flat index of every metric's summary for regression queries across runs: the same
-- tables as the SQLite store, in PostgreSQL's types.
-- A run's start and end are kept as UTC ticks (100 ns since 0001-01-01, .NET's resolution, so a run reads back to the
-- tick) with a timestamptz generated from them for queries (to the microsecond, PostgreSQL's resolution; whole
-- microseconds since 1970 fit a double exactly, so the product below loses nothing).
-- The *_json columns hold the results contract as ResultsJson writes it: they, not the flat columns, are the truth.
-- They are json, not jsonb: json keeps the exact text (key order, number spelling, \u0000), jsonb would rewrite it.

CREATE TABLE runs (
    id                     text             NOT NULL PRIMARY KEY,
    started_at_ticks       bigint           NOT NULL,
    started_at             timestamptz      NOT NULL GENERATED ALWAYS AS
                               (timezone('UTC', timestamp '1970-01-01' + (started_at_ticks - 621355968000000000) / 10 * interval '1 microsecond')) STORED,
    finished_at_ticks      bigint,
    finished_at            timestamptz      GENERATED ALWAYS AS
                               (timezone('UTC', timestamp '1970-01-01' + (finished_at_ticks - 621355968000000000) / 10 * interval '1 microsecond')) STORED,
    status                 text             NOT NULL,
    versus_version         text             NOT NULL,
    machine                text             NOT NULL,
    cpu                    text             NOT NULL,
    results_schema_version text             NOT NULL,
    statistics_method      text             NOT NULL,
    options_json           json             NOT NULL,
    environment_json       json             NOT NULL,
    engines_json           json             NOT NULL,
    workloads_json         json             NOT NULL
);

CREATE INDEX runs_by_start ON runs (started_at_ticks DESC, id DESC);

-- id is a surrogate key: a MeasurementRecord's own Id (record_id) is only unique within its run.
CREATE TABLE measurements (
    id             bigint      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         text        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    record_id      text        NOT NULL,
    engine         text        NOT NULL,
    engine_version text,
    backend        text,
    workload       text        NOT NULL,
    kind           text        NOT NULL,
    status         text        NOT NULL,
    reason         text,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz NOT NULL,
    record_json    json        NOT NULL,
    UNIQUE (run_id, record_id)
);

CREATE INDEX measurements_by_engine_workload ON measurements (engine, workload, kind);

-- Denormalised for queries such as "median train.step of torchsharp on small-cnn-28 over the last 20 runs".
-- Summary columns are NULL for a metric without samples (a failed metric).
CREATE TABLE metrics (
    measurement_id bigint           NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    name           text             NOT NULL,
    unit           text             NOT NULL,
    count          integer          NOT NULL,
    median         double precision,
    ci95_low       double precision,
    ci95_high      double precision,
    p90            double precision,
    p99            double precision
);

CREATE INDEX metrics_by_measurement ON metrics (measurement_id);
CREATE INDEX metrics_by_name ON metrics (name);
