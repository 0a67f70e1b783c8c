-- Deployment probe records (ONNX interop, server, edge, browser, and the cited rows), one per target, engine and
-- workload within a run, committed as each probe ends. record_json is the truth; the flat columns serve queries such
-- as "browser latency of onnxruntime-web on small-cnn-28 over the last runs".

CREATE TABLE deployments (
    id          INTEGER NOT NULL PRIMARY KEY,
    run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    target      TEXT    NOT NULL,
    engine      TEXT    NOT NULL,
    workload    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    evidence    TEXT    NOT NULL,
    source      TEXT,
    record_json TEXT    NOT NULL,
    UNIQUE (run_id, target, engine, workload)
);

CREATE INDEX deployments_by_target ON deployments (target, engine, workload);
