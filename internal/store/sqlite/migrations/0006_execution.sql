-- 0006: execution data (预算执行, 双监控; docs/year-data.md). Each import of
-- a budget system's export is kept whole with its rows; nothing is
-- changed or deleted afterwards. The rows in force are, per 街道, item
-- and month, those of the latest import.

CREATE TABLE execution_imports (
	plan     TEXT NOT NULL,
	year     INTEGER NOT NULL,
	n        INTEGER NOT NULL,
	file     TEXT NOT NULL,
	hash     TEXT NOT NULL,
	rows     INTEGER NOT NULL,
	at       TEXT NOT NULL,
	by       TEXT NOT NULL,
	PRIMARY KEY (plan, year, n)
);

CREATE TABLE execution_rows (
	plan        TEXT NOT NULL,
	year        INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	seq         INTEGER NOT NULL,
	subdistrict TEXT NOT NULL,
	item        TEXT NOT NULL,
	project     TEXT NOT NULL DEFAULT '',
	month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
	budget      TEXT NOT NULL,
	spent       TEXT NOT NULL,
	cumulative  INTEGER NOT NULL CHECK (cumulative IN (0, 1)),
	PRIMARY KEY (plan, year, n, seq),
	UNIQUE (plan, year, n, subdistrict, item, month),
	FOREIGN KEY (plan, year, n) REFERENCES execution_imports (plan, year, n)
);
CREATE INDEX execution_rows_key ON execution_rows (plan, year, subdistrict, item, month, n);

CREATE TRIGGER execution_imports_immutable BEFORE UPDATE ON execution_imports
BEGIN SELECT RAISE(ABORT, 'an execution import is immutable'); END;
CREATE TRIGGER execution_imports_no_delete BEFORE DELETE ON execution_imports
BEGIN SELECT RAISE(ABORT, 'an execution import is never deleted'); END;
CREATE TRIGGER execution_rows_immutable BEFORE UPDATE ON execution_rows
BEGIN SELECT RAISE(ABORT, 'an execution row is immutable'); END;
CREATE TRIGGER execution_rows_no_delete BEFORE DELETE ON execution_rows
BEGIN SELECT RAISE(ABORT, 'an execution row is never deleted'); END;
