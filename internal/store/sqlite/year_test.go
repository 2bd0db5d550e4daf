package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestYearSubmissions: submissions are numbered per plan and kind; one
// with problems is recorded as such and replaces nothing; a new one
// replaces the 街道's submission still waiting; acceptance saves the
// draft and marks them in one transaction, once; the stage 一上 is
// recorded once; what was filed cannot be changed.
func TestYearSubmissions(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	ns := caili.NewSubmission{Plan: "p", Year: 2025, Version: 1, Subdistrict: "east", FileName: "east.csv", Data: []byte("a,b"),
		Hash: "sh", Changes: map[string]string{"quantities.pop": "120"}}
	if _, err := s.Submit(ctx, east, false, ns); kindOf(err) != caili.KindNotFound {
		t.Fatalf("against a missing version: %v", err)
	}
	published(t, s)
	bad := ns
	bad.Problems = []caili.FileProblem{{Where: "街道数据!F2", Code: "bad_value", Says: "不是数字"}}
	for i, tc := range []struct {
		ns   caili.NewSubmission
		want string
	}{{bad, caili.SubProblems}, {ns, caili.SubSubmitted}, {ns, caili.SubSubmitted}} {
		sb, err := s.Submit(ctx, east, false, tc.ns)
		if err != nil || sb.N != i+1 || sb.Status != tc.want {
			t.Fatalf("submission %d: %+v %v", i+1, sb, err)
		}
	}
	list, err := s.Submissions(ctx, "p", 2025, false)
	if err != nil || len(list) != 3 || list[0].Status != caili.SubProblems || list[0].Problems[0].Where != "街道数据!F2" ||
		list[1].Status != caili.SubReplaced || list[2].Status != caili.SubSubmitted || list[2].Changes["quantities.pop"] != "120" {
		t.Fatalf("list %+v %v", list, err)
	}
	if bd, _ := s.Submissions(ctx, "p", 2025, true); len(bd) != 0 {
		t.Errorf("breakdowns %+v", bd)
	}
	nv := caili.NewVersion{Plan: "p", Hash: "h2", Name: "n", FiscalYear: 2025, Files: []caili.File{{Name: "p.toml", Data: []byte("y")}}}
	if _, err := s.AcceptSubmissions(ctx, admin, "p", []int{2}, nv); kindOf(err) != caili.KindConflict {
		t.Errorf("accepting a replaced one: %v", err)
	}
	if vs, _ := s.Versions(ctx, "p"); len(vs) != 1 {
		t.Errorf("a refused acceptance saved a version")
	}
	v, err := s.AcceptSubmissions(ctx, admin, "p", []int{3}, nv)
	if err != nil || v.N != 2 {
		t.Fatalf("accept: %+v %v", v, err)
	}
	got, err := s.Submission(ctx, "p", false, 3)
	if err != nil || got.Status != caili.SubAccepted || got.NewVersion != 2 || string(got.Data) != "a,b" {
		t.Errorf("accepted %+v %v", got, err)
	}
	if _, err := s.AcceptSubmissions(ctx, admin, "p", []int{3}, nv); kindOf(err) != caili.KindConflict {
		t.Errorf("accepted twice: %v", err)
	}
	if _, err := s.Submission(ctx, "p", false, 9); kindOf(err) != caili.KindNotFound {
		t.Errorf("a missing one: %v", err)
	}
	stages, err := s.YearStages(ctx, "p", 2025)
	if err != nil || len(stages) != 1 || stages[0].Stage != caili.StageCollect || stages[0].By != east.ID {
		t.Errorf("stages %+v %v", stages, err)
	}
	for _, q := range []string{`UPDATE submissions SET total = '1' WHERE n = 1`, `UPDATE submissions SET status = 'submitted' WHERE n = 3`,
		`DELETE FROM submissions`} {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s was let through", q)
		}
	}
}

// TestYearBreakdownsAndKinds: a breakdown is decided once; kinds follow
// the year's order (控制数, then 批复 once, then 调整); a 批复 of a version
// already published adds the kind to it; each step enters its stage and
// is in the audit log.
func TestYearBreakdownsAndKinds(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	published(t, s)
	kp := func(kind string) caili.NewKindPublication {
		return caili.NewKindPublication{Plan: "p", N: 1, Year: 2025, Kind: kind, Wenhao: "文" + kind, IssuedOn: "2025-01-10", ResultHash: "r"}
	}
	if _, err := s.PublishKind(ctx, admin, kp(caili.KindApproval)); kindOf(err) != caili.KindConflict {
		t.Errorf("批复 before 控制数: %v", err)
	}
	wrong := kp(caili.KindControl)
	wrong.ResultHash = "other"
	if _, err := s.PublishKind(ctx, admin, wrong); kindOf(err) != caili.KindConflict {
		t.Errorf("another result: %v", err)
	}
	if k, err := s.PublishKind(ctx, admin, kp(caili.KindControl)); err != nil || k.Seq != 1 {
		t.Fatalf("控制数: %+v %v", k, err)
	}
	if _, err := s.PublishKind(ctx, admin, kp(caili.KindControl)); kindOf(err) != caili.KindConflict {
		t.Errorf("a second 控制数: %v", err)
	}
	sb, err := s.Submit(ctx, east, true, caili.NewSubmission{Plan: "p", Year: 2025, Version: 1, Subdistrict: "east", FileName: "b.xlsx",
		Data: []byte("PK"), Hash: "bh", Lines: []byte(`[{"name":"x"}]`), Total: "100"})
	if err != nil || sb.Status != caili.SubSubmitted {
		t.Fatalf("breakdown: %+v %v", sb, err)
	}
	withPending := kp(caili.KindApproval)
	withPending.Breakdowns = []int{sb.N}
	if _, err := s.PublishKind(ctx, admin, withPending); kindOf(err) != caili.KindConflict {
		t.Errorf("批复 carrying a breakdown not accepted: %v", err)
	}
	if got, err := s.DecideBreakdown(ctx, admin, "p", sb.N, false, "用途不符"); err != nil || got.Status != caili.SubReturned || got.Reason != "用途不符" {
		t.Fatalf("return: %+v %v", got, err)
	}
	if _, err := s.DecideBreakdown(ctx, admin, "p", sb.N, true, ""); kindOf(err) != caili.KindConflict {
		t.Errorf("decided twice: %v", err)
	}
	sb, _ = s.Submit(ctx, east, true, caili.NewSubmission{Plan: "p", Year: 2025, Version: 1, Subdistrict: "east", FileName: "b.xlsx",
		Data: []byte("PK"), Hash: "bh2", Total: "100"})
	if _, err := s.DecideBreakdown(ctx, admin, "p", sb.N, true, ""); err != nil {
		t.Fatal(err)
	}
	withPending.Breakdowns = []int{sb.N}
	if k, err := s.PublishKind(ctx, admin, withPending); err != nil || len(k.Breakdowns) != 1 {
		t.Fatalf("批复: %+v %v", k, err)
	}
	if _, err := s.PublishKind(ctx, admin, kp(caili.KindApproval)); kindOf(err) != caili.KindConflict {
		t.Errorf("a second 批复: %v", err)
	}
	kps, err := s.KindPublications(ctx, "p")
	if err != nil || len(kps) != 2 || kps[1].Breakdowns[0] != sb.N || kps[0].Wenhao != "文control" {
		t.Errorf("publications %+v %v", kps, err)
	}
	stages, _ := s.YearStages(ctx, "p", 2025)
	var names []string
	for _, st := range stages {
		names = append(names, string(st.Stage))
	}
	if strings.Join(names, ",") != "control,breakdown,approved" {
		t.Errorf("stages %v", names)
	}
	entries, _ := s.Audit(ctx, 100)
	var actions []string
	for _, a := range entries {
		actions = append(actions, a.Action)
	}
	all := strings.Join(actions, " ")
	for _, a := range []string{"year.publish.control", "year.submit.breakdown", "year.return.breakdown", "year.accept.breakdown", "year.publish.approval", "year.stage"} {
		if !strings.Contains(all, a) {
			t.Errorf("audit lacks %s: %s", a, all)
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE kind_publications SET wenhao = 'x'`); err == nil {
		t.Errorf("a publication changed")
	}
}
