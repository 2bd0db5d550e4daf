package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/store/sqlite"
)

// TestObjectionCommands: a planner lists, shows (with the effect on
// every 街道), accepts and rejects objections a 街道 filed; an accepted
// one is a new draft version.
func TestObjectionCommands(t *testing.T) {
	ctx := context.Background()
	plan, _, data := tinyRecord(t)
	rec(t, 0, "plan", "save", "--plan", plan, "--data", data)
	rec(t, 0, "plan", "approve", "--single-user", "--id", "tiny", "--data", data, "1")
	rec(t, 0, "plan", "publish", "--single-user", "--id", "tiny", "--data", data, "1")

	st, err := sqlite.OpenDir(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	east := domain.Actor{ID: "teast", Role: domain.RoleSubdistrict, Subdistrict: "east"}
	west := domain.Actor{ID: "twest", Role: domain.RoleSubdistrict, Subdistrict: "west"}
	if _, err := app.FileObjectionIn(ctx, st, east, "tiny", "人口普查数", map[string]string{"quantities.population": "90000"}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.FileObjectionIn(ctx, st, west, "tiny", "社区数", map[string]string{"quantities.communities": "7"}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	list := rec(t, 0, "objection", "list", "--id", "tiny", "--data", data)
	if !regexp.MustCompile(`(?m)^1\s+east\s+1\s.*待处理\s+人口普查数`).MatchString(list) || !strings.Contains(list, "社区数") {
		t.Errorf("list:\n%s", list)
	}
	show := rec(t, 0, "objection", "show", "--id", "tiny", "--data", data, "1")
	if !strings.Contains(show, "更正 quantities.population = 90000") || !regexp.MustCompile(`east\s+东街道\s+\d+\s+\d+\s+\d+`).MatchString(show) {
		t.Errorf("show:\n%s", show)
	}
	if out := rec(t, 0, "objection", "accept", "--id", "tiny", "--data", data, "1"); !strings.Contains(out, "草案第 2 版") {
		t.Errorf("accept: %s", out)
	}
	if out := rec(t, 1, "objection", "accept", "--id", "tiny", "--data", data, "1"); !strings.Contains(out, "已采纳") {
		t.Errorf("accept twice: %s", out)
	}
	if out := rec(t, 1, "objection", "reject", "--id", "tiny", "--data", data, "2"); !strings.Contains(out, "理由") {
		t.Errorf("reject without a reason: %s", out)
	}
	if out := rec(t, 0, "objection", "reject", "--id", "tiny", "--reason", "以民政局数据为准", "--data", data, "2"); !strings.Contains(out, "已驳回") {
		t.Errorf("reject: %s", out)
	}
	if list := rec(t, 0, "plan", "list", "--id", "tiny", "--data", data); !regexp.MustCompile(`(?m)^2\s+草案.*采纳异议 1`).MatchString(list) {
		t.Errorf("plan list:\n%s", list)
	}
	diff := rec(t, 0, "plan", "diff", "--id", "tiny", "--data", data, "1", "2")
	if !strings.Contains(diff, "population") || !strings.Contains(diff, "90000") {
		t.Errorf("diff:\n%s", diff)
	}
	audit := rec(t, 0, "audit", "--data", data)
	for _, a := range []string{"objection.file", "objection.accept", "objection.reject"} {
		if !strings.Contains(audit, a) {
			t.Errorf("audit without %s:\n%s", a, audit)
		}
	}
	// A plan whose data is a workbook: accepted into the version's
	// workbook; another marked corrected in the data by hand.
	rec(t, 0, "plan", "save", "--plan", "../../configs/plan-xlsx.toml", "--id", "xl", "--data", data)
	rec(t, 0, "plan", "approve", "--single-user", "--id", "xl", "--data", data, "1")
	rec(t, 0, "plan", "publish", "--single-user", "--id", "xl", "--data", data, "1")
	if st, err = sqlite.OpenDir(ctx, data); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := app.FileObjectionIn(ctx, st, domain.Actor{ID: "t", Role: domain.RoleSubdistrict, Subdistrict: "desheng"}, "xl", "",
			map[string]string{"quantities.communities": "30"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	if out := rec(t, 0, "objection", "accept", "--id", "xl", "--data", data, "1"); !strings.Contains(out, "草案第 2 版") {
		t.Errorf("accept with a workbook: %s", out)
	}
	rec(t, 0, "objection", "corrected", "--id", "xl", "--note", "手工更正", "--data", data, "2")
	if out := rec(t, 0, "objection", "list", "--id", "xl", "--data", data); !strings.Contains(out, "已在数据中更正：手工更正") {
		t.Errorf("list after corrected:\n%s", out)
	}
	rec(t, 2, "objection", "show", "--data", data, "1")
	rec(t, 2, "objection", "frob")
}
