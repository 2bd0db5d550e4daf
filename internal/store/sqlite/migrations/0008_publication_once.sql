-- 0008: a publication's result kept once, as its 街道's parts (issue 25
-- §5). A result JSON is written into the store as it is made and split
-- on the way: publication_frames keeps what comes before its first 街道's
-- object (head) and after its last (tail), publication_parts each 街道's
-- object (body) with the text between it and the one before (gap), and
-- publication_rows each 街道's place, id and name, small, to list them and
-- to find one by its id without reading the bodies. The result is
-- head, then gap and body of each part in order, then tail: exactly the
-- bytes published. Such a publication keeps an empty result in
-- publications; one made before keeps its result there, whole, and no
-- frame (its parts are the rows of 0007, read by statements only).
--
-- An approval keeps the hash of the result it approved and each 街道's
-- total (totals, JSON [{id, total}]), not the result again: the
-- publication keeps it. One made before keeps its result (totals NULL).

CREATE TABLE publication_rows (
	plan TEXT NOT NULL,
	n    INTEGER NOT NULL,
	pos  INTEGER NOT NULL,
	id   TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (plan, n, pos),
	FOREIGN KEY (plan, n) REFERENCES publications (plan, n)
);
CREATE INDEX publication_rows_id ON publication_rows (plan, n, id, pos);

CREATE TABLE publication_parts (
	plan TEXT NOT NULL,
	n    INTEGER NOT NULL,
	pos  INTEGER NOT NULL,
	gap  BLOB NOT NULL,
	body BLOB NOT NULL,
	PRIMARY KEY (plan, n, pos),
	FOREIGN KEY (plan, n) REFERENCES publications (plan, n)
);

CREATE TABLE publication_frames (
	plan TEXT NOT NULL,
	n    INTEGER NOT NULL,
	head BLOB NOT NULL,
	tail BLOB NOT NULL,
	PRIMARY KEY (plan, n),
	FOREIGN KEY (plan, n) REFERENCES publications (plan, n)
);

INSERT INTO publication_rows (plan, n, pos, id, name)
	SELECT plan, n, pos, id, name FROM publication_subdistricts;
INSERT INTO publication_parts (plan, n, pos, gap, body)
	SELECT plan, n, pos, x'', body FROM publication_subdistricts;
DROP TABLE publication_subdistricts;

CREATE TRIGGER publication_rows_frozen BEFORE UPDATE ON publication_rows
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;
CREATE TRIGGER publication_parts_frozen BEFORE UPDATE ON publication_parts
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;
CREATE TRIGGER publication_frames_frozen BEFORE UPDATE ON publication_frames
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;

ALTER TABLE approvals ADD COLUMN totals TEXT;
