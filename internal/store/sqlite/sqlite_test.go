package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

var admin = caili.Actor{ID: "test", Role: caili.RoleAdmin}

func open(t *testing.T) *Store {
	t.Helper()
	s, err := OpenDir(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func kindOf(err error) caili.Kind {
	var ae *caili.Error
	if errors.As(err, &ae) {
		return ae.Kind
	}
	return 0
}

// TestMigrationsRecorded: a new database is WAL, at the latest schema
// version, and opening it again applies nothing twice.
func TestMigrationsRecorded(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].version {
		t.Errorf("schema version %d, %v", v, err)
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v", mode, err)
	}
	s.Close()
	again, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var n int
	if err := again.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil || n != len(ms) {
		t.Errorf("%d schema_version rows, %v", n, err)
	}
	// A database newer than this caili is refused.
	if _, err := again.db.ExecContext(ctx, `INSERT INTO schema_version VALUES (9999, 'future', '')`); err != nil {
		t.Fatal(err)
	}
	again.Close()
	if _, err := Open(ctx, s.Path()); err == nil || !strings.Contains(msg.Error(msg.En, err), "newer") {
		t.Errorf("a newer schema opened: %v", err)
	}
}

// TestRecordsAreImmutable: the audit log is append-only, a version's
// content and a publication never change, whatever SQL is sent.
func TestRecordsAreImmutable(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	nv := caili.NewVersion{Plan: "p", Hash: "h1", Name: "n", FiscalYear: 2025, Files: []caili.File{{Name: "p.toml", Data: []byte("x")}}}
	if _, _, err := s.SaveVersion(ctx, admin, nv); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE audit SET actor = 'x'`, `DELETE FROM audit`,
		`UPDATE versions SET hash = 'h2'`, `DELETE FROM versions`,
		`UPDATE content_files SET data = 'y'`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
}

// TestVersionLifecycle: numbering, content addressing, the states.
func TestVersionLifecycle(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	nv := caili.NewVersion{Plan: "p", Hash: "h1", Files: []caili.File{{Name: "p.toml", Data: []byte("a")}, {Name: "s.toml", Data: []byte("b")}}}
	v1, created, err := s.SaveVersion(ctx, admin, nv)
	if err != nil || !created || v1.N != 1 {
		t.Fatalf("%+v %v %v", v1, created, err)
	}
	if v, created, _ := s.SaveVersion(ctx, admin, nv); created || v.N != 1 {
		t.Errorf("same bytes saved again as %d", v.N)
	}
	nv.Hash = "h2"
	if v, _, _ := s.SaveVersion(ctx, admin, nv); v.N != 2 {
		t.Errorf("second version %d", v.N)
	}
	nv.Hash = "h1" // back to the first bytes: a new version, the same content
	if v, _, _ := s.SaveVersion(ctx, admin, nv); v.N != 3 {
		t.Errorf("third version %d", v.N)
	}
	got, err := s.Version(ctx, "p", 3)
	if err != nil || len(got.Files) != 2 || string(got.Files[1].Data) != "b" {
		t.Errorf("version 3: %+v %v", got, err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: []byte("{}"), ResultHash: "r"}); kindOf(err) != caili.KindConflict {
		t.Errorf("publish a draft: %v", err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r"}); kindOf(err) != caili.KindConflict {
		t.Errorf("approve twice: %v", err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 9, ResultHash: "r"}); kindOf(err) != caili.KindNotFound {
		t.Errorf("approve a missing version: %v", err)
	}
	if _, err := s.Published(ctx, "p"); kindOf(err) != caili.KindNotFound {
		t.Errorf("published before publishing: %v", err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: []byte("{}"), ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Published(ctx, "p"); err != nil || p.N != 1 || p.VersionHash != "h1" || string(p.Result) != "{}" {
		t.Errorf("published %+v %v", p, err)
	}
}

// TestTokens: found by hash until revoked.
func TestTokens(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if err := s.CreateToken(ctx, admin, caili.TokenRecord{ID: "t1", Hash: "abc", Role: caili.RoleSubdistrict, Subdistrict: "east"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateToken(ctx, admin, caili.TokenRecord{ID: "t2", Hash: "def", Role: "root"}); err == nil {
		t.Errorf("a token of an unknown role was stored")
	}
	if tok, err := s.TokenByHash(ctx, "abc"); err != nil || tok.Subdistrict != "east" {
		t.Errorf("%+v %v", tok, err)
	}
	if err := s.RevokeToken(ctx, admin, "t1"); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, admin, "t1"); kindOf(err) != caili.KindNotFound {
		t.Errorf("revoke twice: %v", err)
	}
	if _, err := s.TokenByHash(ctx, "abc"); kindOf(err) != caili.KindNotFound {
		t.Errorf("revoked token found: %v", err)
	}
	es, err := s.Audit(ctx, 0)
	if err != nil || len(es) != 2 || es[0].Action != "token.revoke" || es[1].Action != "token.create" {
		t.Errorf("audit %+v %v", es, err)
	}
}

// TestConcurrentWrites: writers from many goroutines all land.
func TestConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := "s" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			if _, err := s.PutScenario(ctx, admin, caili.StoredScenario{Plan: "p", Name: name, Data: []byte(name), Hash: name}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if scs, err := s.Scenarios(ctx, "p"); err != nil || len(scs) != 50 {
		t.Errorf("%d scenarios, %v", len(scs), err)
	}
}

// TestBackupRestore: a backup is a consistent copy, never overwrites,
// and restores into a new folder or, asked to, over a database (kept).
func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.PutScenario(ctx, admin, caili.StoredScenario{Plan: "p", Name: "a", Data: []byte("A"), Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); kindOf(err) != caili.KindConflict {
		t.Errorf("backup over a file: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	if _, err := Restore(ctx, out, dir, false); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, out, dir, false); kindOf(err) != caili.KindConflict {
		t.Errorf("restore over a database: %v", err)
	}
	kept, err := Restore(ctx, out, dir, true)
	if err != nil || kept == "" {
		t.Fatalf("restore --replace: %q %v", kept, err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("replaced database not kept: %v", err)
	}
	r, err := OpenDir(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if sc, err := r.Scenario(ctx, "p", "a"); err != nil || string(sc.Data) != "A" {
		t.Errorf("restored scenario %+v %v", sc, err)
	}
	// Not while a store (a running server) holds the database open.
	if _, err := Restore(ctx, out, dir, true); kindOf(err) != caili.KindConflict {
		t.Errorf("restore under an open store: %v", err)
	}
	r.Close()
	// A file that is not a database changes nothing.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database at all, not at all"), 0o644)
	if _, err := Restore(ctx, junk, dir, true); err == nil {
		t.Errorf("junk restored")
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 5 {
		t.Errorf("restore left files behind: %v", entries)
	}
}

// TestWriteFailureSaysWhy: a write the database refuses says why without
// the server's paths.
func TestWriteFailureSaysWhy(t *testing.T) {
	s := open(t)
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	ro := &Store{db: db, path: s.Path(), writing: make(chan struct{}, 1)}
	defer ro.Close()
	_, err = ro.PutScenario(context.Background(), admin, caili.StoredScenario{Plan: "p", Name: "a", Data: []byte("x"), Hash: "h"})
	var ae *caili.Error
	if !errors.As(err, &ae) || ae.Kind != caili.KindInternal || !strings.Contains(msg.ErrorWords(msg.En, ae), "read-only") || strings.Contains(msg.ErrorWords(msg.Zh, ae), s.Path()) {
		t.Errorf("read-only write: %v", err)
	}
}
