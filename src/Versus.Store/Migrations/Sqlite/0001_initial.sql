-- Runs, their measurements, and a flat index of every metric's summary for regression queries across runs.
-- Timestamps are UTC text in one fixed-width format (yyyy-MM-ddTHH:mm:ss.fffffffZ) so text order is time order.
-- The *_json columns hold the results contract as ResultsJson writes it: they, not the flat columns, are the truth.

CREATE TABLE runs (
    id                     TEXT    NOT NULL PRIMARY KEY,
    started_at             TEXT    NOT NULL,
    finished_at            TEXT,
    status                 TEXT    NOT NULL,
    versus_version         TEXT    NOT NULL,
    machine                TEXT    NOT NULL,
    cpu                    TEXT    NOT NULL,
    results_schema_version TEXT    NOT NULL,
    statistics_method      TEXT    NOT NULL,
    options_json           TEXT    NOT NULL,
    environment_json       TEXT    NOT NULL,
    engines_json           TEXT    NOT NULL,
    workloads_json         TEXT    NOT NULL
);

CREATE INDEX runs_by_start ON runs (started_at DESC, id DESC);

-- id is a surrogate key: a MeasurementRecord's own Id (record_id) is only unique within its run.
CREATE TABLE measurements (
    id             INTEGER NOT NULL PRIMARY KEY,
    run_id         TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    record_id      TEXT    NOT NULL,
    engine         TEXT    NOT NULL,
    engine_version TEXT,
    backend        TEXT,
    workload       TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    reason         TEXT,
    started_at     TEXT    NOT NULL,
    finished_at    TEXT    NOT NULL,
    record_json    TEXT    NOT NULL,
    UNIQUE (run_id, record_id)
);

CREATE INDEX measurements_by_engine_workload ON measurements (engine, workload, kind);

-- Denormalised for queries such as "median train.step of torchsharp on small-cnn-28 over the last 20 runs".
-- Summary columns are NULL for a metric without samples (a failed metric).
CREATE TABLE metrics (
    measurement_id INTEGER NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    count          INTEGER NOT NULL,
    median         REAL,
    ci95_low       REAL,
    ci95_high      REAL,
    p90            REAL,
    p99            REAL
);

CREATE INDEX metrics_by_measurement ON metrics (measurement_id);
CREATE INDEX metrics_by_name ON metrics (name);
