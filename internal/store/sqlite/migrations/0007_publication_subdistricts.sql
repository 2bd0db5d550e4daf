-- 0007: each publication's 街道 kept apart (issue 25 §5), so that one
-- 街道 reading its own published statement reads its own row, not the
-- whole result (hundreds of megabytes at 10,000 街道). Each row is the
-- 街道's object of the result JSON as published (compact JSON text), with
-- its place in the result's list, its id and its name (to find it by
-- either). Publications made before are split here, once.
--
-- publication_hashes repeats each publication's result hash: in
-- publications it comes after the result, and SQLite reads a row's
-- columns in order, so reading it there walks the whole result.

CREATE TABLE publication_subdistricts (
	plan TEXT NOT NULL,
	n    INTEGER NOT NULL,
	pos  INTEGER NOT NULL,
	id   TEXT NOT NULL,
	name TEXT NOT NULL,
	body TEXT NOT NULL,
	PRIMARY KEY (plan, n, id),
	FOREIGN KEY (plan, n) REFERENCES publications (plan, n)
);

CREATE TABLE publication_hashes (
	plan        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	result_hash TEXT NOT NULL,
	PRIMARY KEY (plan, n),
	FOREIGN KEY (plan, n) REFERENCES publications (plan, n)
);

CREATE TRIGGER publication_hashes_frozen BEFORE UPDATE ON publication_hashes
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;

CREATE TRIGGER publication_subdistricts_frozen BEFORE UPDATE ON publication_subdistricts
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;

INSERT OR IGNORE INTO publication_subdistricts (plan, n, pos, id, name, body)
	SELECT p.plan, p.n, s.key, json_extract(s.value, '$.id'), json_extract(s.value, '$.name'), s.value
	FROM publications p, json_each(CAST(p.result AS TEXT), '$.subdistricts') s;

INSERT OR IGNORE INTO publication_hashes (plan, n, result_hash)
	SELECT plan, n, result_hash FROM publications;
