package server

import (
	"slices"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestYearAccessIntent spells out, apart from the access table, who may
// do each action of the budget year and of execution (docs/year.md, 权限;
// docs/year-data.md): a 街道 submits its own data and breakdowns, the
// planner accepts, returns, imports and writes next year, the approver
// publishes; every other role is refused (TestAccessTable runs each
// route with each role against the table). A new route of the year must
// be added here.
func TestYearAccessIntent(t *testing.T) {
	const (
		all     = "planner approver reader subdistrict"
		readers = "planner approver reader"
		staff   = "planner approver subdistrict"
	)
	const y, x = "/api/v1/plans/:plan/year", "/api/v1/plans/:plan/execution"
	want := map[string]string{
		"GET " + y:                                         all,
		"GET " + y + "/template.xlsx":                      "subdistrict",
		"POST " + y + "/submissions":                       "subdistrict",
		"GET " + y + "/submissions":                        staff,
		"POST " + y + "/submissions/accept":                "planner",
		"GET " + y + "/breakdown-template.xlsx":            "subdistrict",
		"POST " + y + "/breakdowns":                        "subdistrict",
		"GET " + y + "/breakdowns":                         staff,
		"POST " + y + "/breakdowns/:n/accept":              "planner",
		"POST " + y + "/breakdowns/:n/return":              "planner",
		"POST " + y + "/publications":                      "approver",
		"GET " + y + "/publications":                       all,
		"GET " + y + "/publications/:seq/subdistricts/:id": all,
		"GET " + y + "/publications/:seq/diff":             "planner approver",
		"GET " + y + "/in-force":                           readers,
		"POST " + x:                                        "planner",
		"GET " + x:                                         all,
		"GET " + x + ".csv":                                all,
		"GET " + x + ".png":                                all,
		"GET " + x + ".svg":                                all,
		"GET " + x + "/imports":                            readers,
		"POST /api/v1/plans/:plan/next":                    "planner",
		"GET /plans/:plan/execution":                       all,
	}
	table := accessTable()
	for key, r := range table {
		if !strings.Contains(key, "/year") && !strings.Contains(key, "execution") && !strings.HasSuffix(key, "/next") {
			continue
		}
		if key == "GET /plans/:plan/year" { // the page's frame: its data come from the API
			if !r.open {
				t.Errorf("%s: the frame is not open", key)
			}
			continue
		}
		roles, ok := want[key]
		if !ok {
			t.Errorf("%s: a route of the year not in this test", key)
			continue
		}
		for _, role := range []caili.Role{caili.RolePlanner, caili.RoleApprover, caili.RoleReader, caili.RoleSubdistrict} {
			if got, exp := slices.Contains(r.roles, role), slices.Contains(strings.Fields(roles), string(role)); got != exp || r.open || r.loopback || r.query || r.published {
				t.Errorf("%s as %s: let in %v, want %v (open %v, loopback %v, query %v, published %v)", key, role, got, exp, r.open, r.loopback, r.query, r.published)
			}
		}
	}
	for key := range want {
		if _, ok := table[key]; !ok {
			t.Errorf("%s: no such route in the access table", key)
		}
	}
}
