-- Deployment probe records (ONNX interop, server, edge, browser, and the cited rows), one per target, engine and
-- workload within a run, committed as each probe ends. Numbered as in the SQLite store, so a schema version means the
-- same tables in both.

CREATE TABLE deployments (
    id          bigint NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      text   NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    target      text   NOT NULL,
    engine      text   NOT NULL,
    workload    text   NOT NULL,
    status      text   NOT NULL,
    evidence    text   NOT NULL,
    source      text,
    record_json json   NOT NULL,
    UNIQUE (run_id, target, engine, workload)
);

CREATE INDEX deployments_by_target ON deployments (target, engine, workload);
