package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestWriteAbandoned: a write whose context ends before its commit is
// rolled back, and a write that waits for the lock gives up with its
// context.
func TestWriteAbandoned(t *testing.T) {
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('x', 'y')`); err != nil {
			return err
		}
		cancel() // the client goes away before the commit
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("write: %v", err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM meta WHERE key = 'x'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows committed (%v)", n, err)
	}
	s.writing <- struct{}{} // another write holds the lock
	if err := s.write(ctx, func(*sql.Tx) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting for the lock: %v", err)
	}
	<-s.writing
}

// TestKeys: a key is new, then pending, then answered with its answer;
// another request under it is a mismatch; a released key is new again;
// keys are scoped by actor.
func TestKeys(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	step := func(actor, key, req string, want caili.KeyState) *caili.KeyAnswer {
		t.Helper()
		st, a, err := s.ReserveKey(ctx, actor, key, req)
		if err != nil || st != want {
			t.Fatalf("%s %s %s: %v %v, want %v", actor, key, req, st, err, want)
		}
		return a
	}
	step("a", "k", "r1", caili.KeyNew)
	step("a", "k", "r1", caili.KeyPending)
	step("b", "k", "r1", caili.KeyNew)
	if err := s.AnswerKey(ctx, "a", "k", caili.KeyAnswer{Status: 201, Type: "application/json", Body: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	if a := step("a", "k", "r1", caili.KeyAnswered); a.Status != 201 || string(a.Body) != "{}" {
		t.Errorf("answer %+v", a)
	}
	step("a", "k", "r2", caili.KeyMismatch)
	if err := s.ReleaseKey(ctx, "b", "k"); err != nil {
		t.Fatal(err)
	}
	step("b", "k", "r1", caili.KeyNew)
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&n)
	if n != 0 {
		t.Errorf("keys wrote %d audit entries", n)
	}
}
