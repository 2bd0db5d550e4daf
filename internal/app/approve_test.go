package app_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/store/sqlite"
)

var (
	planner  = caili.Actor{ID: "tplanner", Role: caili.RolePlanner}
	approver = caili.Actor{ID: "tapprover", Role: caili.RoleApprover}
	admin    = caili.Actor{ID: "admin", Role: caili.RoleAdmin}
)

// recordApp is an application on a plans folder and a record.
type recordApp struct {
	t     *testing.T
	e     *app.App
	st    *sqlite.Store
	plans string
}

func newRecordApp(t *testing.T, single bool) *recordApp {
	t.Helper()
	data, plans := t.TempDir(), t.TempDir()
	st, err := sqlite.OpenDir(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &recordApp{t: t, st: st, plans: plans}
	r.write("tiny", tinyText(t, "2025"))
	r.write("y2026", strings.Replace(tinyText(t, "2026"), `baseline = "last_year_total"`, `baseline = "@published:tiny:2025"`, 1))
	r.e, err = app.New(app.Config{PlansDir: plans, DataDir: data, Store: st, Version: "test", Logger: slog.New(slog.DiscardHandler), SingleUser: single})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *recordApp) write(id, text string) {
	r.t.Helper()
	if err := os.WriteFile(filepath.Join(r.plans, id+".toml"), []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
	if r.e != nil {
		if err := r.e.Plans.Scan(true); err != nil {
			r.t.Fatal(err)
		}
	}
}

// saveApprove saves plan's files as a draft (planner) and approves it.
func (r *recordApp) saveApprove(plan string) int {
	r.t.Helper()
	ctx := context.Background()
	v, _, err := r.e.SaveVersion(ctx, planner, plan, "")
	if err != nil {
		r.t.Fatal(err)
	}
	if _, err := r.e.Approve(ctx, approver, plan, v.N); err != nil {
		r.t.Fatal(err)
	}
	return v.N
}

func kindOf(err error) caili.Kind { return app.Classify(err).Kind }

// TestFourEyes: whoever saved a version may neither approve nor publish
// it, the admin token included; single-user waives it, and the audit
// log says so.
func TestFourEyes(t *testing.T) {
	ctx := context.Background()
	r := newRecordApp(t, false)
	v, _, err := r.e.SaveVersion(ctx, admin, "tiny", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.e.Approve(ctx, admin, "tiny", v.N); kindOf(err) != caili.KindForbidden {
		t.Fatalf("self-approval: %v", err)
	}
	if _, err := r.e.Approve(ctx, approver, "tiny", v.N); err != nil {
		t.Fatal(err)
	}
	if _, err := r.e.Publish(ctx, admin, "tiny", v.N, ""); kindOf(err) != caili.KindForbidden {
		t.Fatalf("publication by whoever saved: %v", err)
	}
	if _, err := r.e.Publish(ctx, approver, "tiny", v.N, ""); err != nil {
		t.Fatal(err)
	}

	one := newRecordApp(t, true)
	v, _, _ = one.e.SaveVersion(ctx, admin, "tiny", "")
	if _, err := one.e.Approve(ctx, admin, "tiny", v.N); err != nil {
		t.Fatal(err)
	}
	if _, err := one.e.Publish(ctx, admin, "tiny", v.N, ""); err != nil {
		t.Fatal(err)
	}
	es, _ := one.st.Audit(ctx, 10)
	waived := 0
	for _, e := range es {
		if strings.Contains(e.Detail, "four eyes waived") {
			waived++
		}
	}
	if waived != 2 {
		t.Errorf("%d audit entries say four eyes were waived, want 2: %+v", waived, es)
	}
}

// TestApprovedIsPublished reproduces issue 20: a 2026 plan whose baseline
// is the 2025 publication is approved; a newer 2025 version is then
// published; publishing the approved 2026 version freezes the approved
// result, read from the pinned publication, not the newer one.
func TestApprovedIsPublished(t *testing.T) {
	ctx := context.Background()
	r := newRecordApp(t, false)
	if _, err := r.e.Publish(ctx, approver, "tiny", r.saveApprove("tiny"), ""); err != nil {
		t.Fatal(err)
	}
	n26 := r.saveApprove("y2026")
	ap, err := r.st.Approval(ctx, "y2026", n26)
	if err != nil || len(ap.Baselines) != 1 || ap.Baselines[0].N != 1 || ap.Baselines[0].Year != 2025 {
		t.Fatalf("pinned %+v %v", ap, err)
	}
	r.write("tiny", strings.Replace(tinyText(t, "2025"), `capacity = "60000000"`, `capacity = "64000000"`, 1))
	if _, err := r.e.Publish(ctx, approver, "tiny", r.saveApprove("tiny"), ""); err != nil {
		t.Fatal(err)
	}
	pub, err := r.e.Publish(ctx, approver, "y2026", n26, "")
	if err != nil {
		t.Fatal(err)
	}
	if pub.ResultHash != ap.ResultHash || len(ap.Totals) == 0 {
		t.Errorf("published %s, approved %s", pub.ResultHash, ap.ResultHash)
	}
}

// TestPublicationDiffersFromApproval: a result that is not the approved
// one is refused (409, saying what changed), and the version is a draft
// again, to be approved again.
func TestPublicationDiffersFromApproval(t *testing.T) {
	ctx := context.Background()
	r := newRecordApp(t, false)
	v, _, err := r.e.SaveVersion(ctx, planner, "tiny", "")
	if err != nil {
		t.Fatal(err)
	}
	// An approval of other figures (as a caili that computed otherwise).
	totals := []caili.SubdistrictTotal{{ID: "north", Total: "1"}}
	if _, err := r.st.Approve(ctx, approver, caili.NewApproval{Plan: "tiny", N: v.N, Totals: totals, ResultHash: "0123456789"}); err != nil {
		t.Fatal(err)
	}
	_, err = r.e.Publish(ctx, approver, "tiny", v.N, "")
	if kindOf(err) != caili.KindConflict {
		t.Fatalf("publish: %v", err)
	}
	if s := msg.ErrorWords(msg.Zh, app.Classify(err)); !strings.Contains(s, "north 合计 1 →") || !strings.Contains(s, "01234567 →") {
		t.Errorf("says %q", s)
	}
	rec, _ := r.st.Version(ctx, "tiny", v.N)
	if rec.Status != caili.StatusDraft {
		t.Errorf("status %s after the refusal", rec.Status)
	}
	if _, err := r.e.Approve(ctx, approver, "tiny", v.N); err != nil {
		t.Fatal(err)
	}
	if _, err := r.e.Publish(ctx, approver, "tiny", v.N, ""); err != nil {
		t.Fatalf("approved again: %v", err)
	}
}

// TestOneCurrentPublication: a version older than the current
// publication is refused unless the request says why it supersedes it;
// the current publication is the last one published.
func TestOneCurrentPublication(t *testing.T) {
	ctx := context.Background()
	r := newRecordApp(t, false)
	n1 := r.saveApprove("tiny")
	r.write("tiny", strings.Replace(tinyText(t, "2025"), `capacity = "60000000"`, `capacity = "64000000"`, 1))
	n2 := r.saveApprove("tiny")
	if _, err := r.e.Publish(ctx, approver, "tiny", n2, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := r.e.Publish(ctx, approver, "tiny", n1, ""); kindOf(err) != caili.KindConflict {
		t.Fatalf("an older version: %v", err)
	}
	if p, _ := r.st.Published(ctx, "tiny"); p.N != n2 {
		t.Errorf("current %d, want %d", p.N, n2)
	}
	if _, err := r.e.Publish(ctx, approver, "tiny", n1, "第 2 版数据有误,恢复第 1 版"); err != nil {
		t.Fatal(err)
	}
	if p, _ := r.st.Published(ctx, "tiny"); p.N != n1 {
		t.Errorf("current %d after superseding, want %d", p.N, n1)
	}
	es, _ := r.st.Audit(ctx, 1)
	if !strings.Contains(es[0].Detail, "supersedes") || !strings.Contains(es[0].Detail, "恢复第 1 版") {
		t.Errorf("audit: %+v", es[0])
	}
	if _, _, err := r.e.SaveVersion(ctx, planner, "tiny", strings.Repeat("注", 2001)); kindOf(err) != caili.KindBadRequest {
		t.Errorf("a long version note: %v", err)
	}
}
