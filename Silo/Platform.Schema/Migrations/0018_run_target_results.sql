-- 0018: the validation of a classification or regression run: one row per run holding its task kind, its class names
-- (classification; a class is an index into them) and every validation case's prediction beside its target
-- ([{"C": case, "T": true class, "P": predicted class, "Pr": [probability per class], "TV": true value, "PV": predicted value}]).
-- Replaced as a whole, so a run resumed after a lost machine records its result once; metrics are computed from the rows
-- when read, so a cross-validation pools the same rows.
CREATE TABLE IF NOT EXISTS run_target_result (
    lab_id       text     NOT NULL,
    project      text     NOT NULL,
    run_id       text     NOT NULL,
    kind         smallint NOT NULL CONSTRAINT run_target_result_kind CHECK (kind IN (1, 2)),
    class_names  text[]   NOT NULL,
    cases        jsonb    NOT NULL,
    PRIMARY KEY (lab_id, project, run_id)
);
