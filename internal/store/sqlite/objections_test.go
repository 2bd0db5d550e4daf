package sqlite

import (
	"context"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// published makes version 1 of plan p and publishes it.
func published(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	nv := caili.NewVersion{Plan: "p", Hash: "h1", Name: "n", FiscalYear: 2025, Files: []caili.File{{Name: "p.toml", Data: []byte("x")}}}
	if _, _, err := s.SaveVersion(ctx, admin, nv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: []byte("{}"), ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
}

var east = caili.Actor{ID: "teast", Role: caili.RoleSubdistrict, Subdistrict: "east"}

// TestObjectionLifecycle: an objection is filed against a published
// version only, numbered per plan, decided once and forward only
// (accept saves the draft in the same transaction), and each step is in
// the audit log.
func TestObjectionLifecycle(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	no := caili.NewObjection{Plan: "p", Version: 1, Subdistrict: "east", Note: "人口有误",
		Corrections: map[string]string{"quantities.pop": "120"}, Hash: "oh"}
	if _, err := s.FileObjection(ctx, east, no); kindOf(err) != caili.KindNotFound {
		t.Fatalf("against a missing version: %v", err)
	}
	nv := caili.NewVersion{Plan: "p", Hash: "h1", Name: "n", FiscalYear: 2025, Files: []caili.File{{Name: "p.toml", Data: []byte("x")}}}
	if _, _, err := s.SaveVersion(ctx, admin, nv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FileObjection(ctx, east, no); kindOf(err) != caili.KindConflict {
		t.Fatalf("against a draft: %v", err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: []byte("{}"), ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
	o1, err := s.FileObjection(ctx, east, no)
	if err != nil || o1.N != 1 || o1.Status != caili.ObjectionPending {
		t.Fatalf("file: %+v %v", o1, err)
	}
	o2, err := s.FileObjection(ctx, east, no)
	if err != nil || o2.N != 2 {
		t.Fatalf("second: %+v %v", o2, err)
	}
	got, err := s.Objection(ctx, "p", 1)
	if err != nil || got.Corrections["quantities.pop"] != "120" || got.Note != "人口有误" || got.FiledBy != "teast" {
		t.Fatalf("read back: %+v %v", got, err)
	}
	if _, err := s.RejectObjection(ctx, admin, "p", 2, "数据已核实"); err != nil {
		t.Fatal(err)
	}
	v2 := caili.NewVersion{Plan: "p", Hash: "h2", Name: "n", FiscalYear: 2025, Files: []caili.File{{Name: "p.toml", Data: []byte("y")}}}
	o, rec, err := s.AcceptObjection(ctx, admin, "p", 1, v2)
	if err != nil || o.Status != caili.ObjectionAccepted || rec.N != 2 || o.NewVersion != 2 || rec.Status != caili.StatusDraft {
		t.Fatalf("accept: %+v %+v %v", o, rec, err)
	}
	// Decided once: neither can be accepted or rejected again.
	for n := 1; n <= 2; n++ {
		if _, err := s.RejectObjection(ctx, admin, "p", n, "x"); kindOf(err) != caili.KindConflict {
			t.Errorf("reject %d again: %v", n, err)
		}
		if _, _, err := s.AcceptObjection(ctx, admin, "p", n, v2); kindOf(err) != caili.KindConflict {
			t.Errorf("accept %d again: %v", n, err)
		}
	}
	list, err := s.Objections(ctx, "p")
	if err != nil || len(list) != 2 || list[1].Status != caili.ObjectionRejected || list[1].Reason != "数据已核实" {
		t.Fatalf("list: %+v %v", list, err)
	}
	es, err := s.Audit(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, e := range es {
		seen[e.Action]++
	}
	if seen["objection.file"] != 2 || seen["objection.accept"] != 1 || seen["objection.reject"] != 1 || seen["version.save"] != 2 {
		t.Errorf("audit actions %v", seen)
	}
}

// TestObjectionImmutable: what a 街道 filed cannot be changed, a decision
// cannot go back to pending, and no objection is deleted, whatever SQL
// is sent.
func TestObjectionImmutable(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	published(t, s)
	no := caili.NewObjection{Plan: "p", Version: 1, Subdistrict: "east", Corrections: map[string]string{"quantities.pop": "1"}, Hash: "oh"}
	if _, err := s.FileObjection(ctx, east, no); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RejectObjection(ctx, admin, "p", 1, "不符"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE objections SET corrections = '{}'`,
		`UPDATE objections SET note = 'changed'`,
		`UPDATE objections SET subdistrict = 'west'`,
		`UPDATE objections SET status = 'pending'`,
		`UPDATE objections SET status = 'accepted'`,
		`DELETE FROM objections`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	o, err := s.Objection(ctx, "p", 1)
	if err != nil || o.Status != caili.ObjectionRejected || o.Corrections["quantities.pop"] != "1" {
		t.Errorf("changed: %+v %v", o, err)
	}
	if _, err := s.Objection(ctx, "p", 9); kindOf(err) != caili.KindNotFound {
		t.Errorf("missing objection: %v", err)
	}
}
