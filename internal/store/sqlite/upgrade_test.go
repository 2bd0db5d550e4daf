package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestUpgradeFrom7: a database of schema 7, populated as caili kept its
// record then (an approval keeping its whole result, a publication
// keeping its whole result and its 街道 as rows of migration 0007), is
// brought to schema 8 at Open and reads as before: the result byte for
// byte, each 街道's statement, the approval's result (which says what
// changed); a version approved then is published the new way beside it.
func TestUpgradeFrom7(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	old, err := openUpTo(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := old.SchemaVersion(ctx); err != nil || v != 7 {
		t.Fatalf("schema %d %v", v, err)
	}
	for _, h := range []string{"h1", "h2"} {
		if _, _, err := old.SaveVersion(ctx, admin, caili.NewVersion{Plan: "p", Hash: h, Files: []caili.File{{Name: "p.toml", Data: []byte(h)}}}); err != nil {
			t.Fatal(err)
		}
	}
	const second = `{"subdistricts": [{"id": "west", "total": "1"}]}`
	err = old.write(ctx, func(tx *sql.Tx) error {
		// What Approve and Publish wrote at schema 7.
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO approvals (plan, n, approved_at, approved_by, result, result_hash, baselines) VALUES ('p', 1, ?, 'a', ?, 'r', '[]')`,
				[]any{now(), []byte(publishedResult)}},
			{`INSERT INTO approvals (plan, n, approved_at, approved_by, result, result_hash, baselines) VALUES ('p', 2, ?, 'a', ?, 'r2', '[]')`,
				[]any{now(), []byte(second)}},
			{`UPDATE versions SET status = 'published' WHERE n = 1`, nil},
			{`UPDATE versions SET status = 'approved' WHERE n = 2`, nil},
			{`INSERT INTO publications (plan, n, published_at, published_by, result, result_hash) VALUES ('p', 1, ?, 'a', ?, 'r')`,
				[]any{now(), []byte(publishedResult)}},
			{`INSERT INTO publication_hashes (plan, n, result_hash) VALUES ('p', 1, 'r')`, nil},
			{`INSERT INTO publication_subdistricts (plan, n, pos, id, name, body)
				SELECT p.plan, p.n, s.key, json_extract(s.value, '$.id'), json_extract(s.value, '$.name'), s.value
				FROM publications p, json_each(CAST(p.result AS TEXT), '$.subdistricts') s`, nil},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != 8 {
		t.Fatalf("schema %d %v", v, err)
	}
	checkRows(t, s)
	var got bytes.Buffer
	if err := s.PublishedResult(ctx, "p", 1, &got); err != nil || got.String() != publishedResult {
		t.Errorf("the result read back (%v):\n%s", err, got.String())
	}
	if p, err := s.PublicationOf(ctx, "p", 1); err != nil || string(p.Result) != publishedResult || p.ResultHash != "r" {
		t.Errorf("publication %+v %v", p, err)
	}
	if vs, err := s.Versions(ctx, "p"); err != nil || len(vs) != 2 || vs[0].ResultHash != "r" || vs[0].PublishedAt == nil || vs[1].ResultHash != "" {
		t.Errorf("versions %+v %v", vs, err)
	}
	ap, err := s.Approval(ctx, "p", 2)
	if err != nil || string(ap.Result) != second || ap.Totals != nil || ap.ResultHash != "r2" {
		t.Fatalf("the approval made before: %+v %v", ap, err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 2, Result: []byte(second), ResultHash: "r2"}); err != nil {
		t.Fatal(err)
	}
	got.Reset()
	if err := s.PublishedResult(ctx, "p", 2, &got); err != nil || got.String() != second {
		t.Errorf("the new publication read back (%v): %s", err, got.String())
	}
	if body, err := s.PublishedSubdistrict(ctx, "p", 2, "west"); err != nil || string(body) != `{"id": "west", "total": "1"}` {
		t.Errorf("west: %s %v", body, err)
	}
	if r, err := s.IntegrityCheck(ctx); err != nil || r != "ok" {
		t.Errorf("integrity %q %v", r, err)
	}
}
