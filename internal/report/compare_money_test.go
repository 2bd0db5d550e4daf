package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/testplan"
	"github.com/shopspring/decimal"
)

// TestCompareWhereTheMoneyWent: with a fixed block grant (rules §6) a
// lower standard shows as "区级统筹 +X 元（节省）"; every row's components'
// changes plus its transfers' change add up to its change of total; the
// district's figures and their changes are shown beside the totals, in
// 元 and in 万元; a comparison of a plan without §6's tables has none of it.
func TestCompareWhereTheMoneyWent(t *testing.T) {
	base := moneyResult(t)
	sc := moneyResult(t, "project.vector_control.unit_cost=1.45", "transfer.city_greening.amount=3300000", "project.greening.unit_cost=7")
	doc := report.NewCompare(report.Comparison{Base: base, Scenario: sc})
	if doc.Change == nil || doc.Change.DistrictPool == nil || doc.Change.Transfers == nil || doc.Change.DistrictManaged == nil {
		t.Fatalf("change %+v", doc.Change)
	}
	pool := sc.DistrictPool.Sub(base.DistrictPool)
	if !pool.IsPositive() || *doc.Change.DistrictPool != pool.String() || *doc.Change.Transfers != "300000" || *doc.Change.DistrictManaged != "-374000" {
		t.Errorf("district pool %s (want %s), transfers %s, managed %s", *doc.Change.DistrictPool, pool, *doc.Change.Transfers, *doc.Change.DistrictManaged)
	}
	want := "区级统筹 +" + groupInt(pool) + " 元（节省）"
	if !strings.Contains(doc.Where, want) {
		t.Errorf("where %q, want %q in it", doc.Where, want)
	}
	for _, r := range append(doc.Subdistricts, doc.Totals) {
		c := r.Components
		if c.Transfers == nil || c.Managed == nil {
			t.Fatalf("%s: no transfers or managed change", r.ID)
		}
		sum := decimal.Zero
		for _, s := range []string{c.Personnel, c.Public, c.Projects, c.Incentive, c.Block, c.Damping, *c.Transfers} {
			sum = sum.Add(decimal.RequireFromString(s))
		}
		if sum.String() != r.Change {
			t.Errorf("%s: components and transfers sum to %s, change %s", r.ID, sum, r.Change)
		}
	}
	// the identity: Σ totals' change + district pool + managed + reserves = capacity + transfers
	tot := decimal.RequireFromString(doc.Totals.Change).Add(pool).Add(decimal.RequireFromString(*doc.Change.DistrictManaged))
	if tot.String() != "300000" {
		t.Errorf("changes add up to %s, want the transfer's 300000", tot)
	}
	var b bytes.Buffer
	if err := report.WriteCompareTable(&b, doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"区级统筹", "区级部门统筹", "专项转移支付", "+" + groupInt(pool), want} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, b.String())
		}
	}
	b.Reset()
	if err := report.WriteCompareCSV(&b, doc, report.CSVOptions{NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	if h := strings.SplitN(b.String(), "\r\n", 2)[0]; !strings.HasSuffix(h, ",damping,transfers,managed") {
		t.Errorf("CSV header %q", h)
	}
	wan, err := report.NewCompareWan(report.Comparison{Base: base, Scenario: sc})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range append(wan.Subdistricts, wan.Totals) {
		c := r.Components
		sum := decimal.Zero
		for _, s := range []string{c.Personnel, c.Public, c.Projects, c.Incentive, c.Block, c.Damping, *c.Transfers} {
			sum = sum.Add(decimal.RequireFromString(s))
		}
		if !sum.Equal(decimal.RequireFromString(r.Change)) {
			t.Errorf("万元 %s: components and transfers sum to %s, change %s", r.ID, sum, r.Change)
		}
	}
	if wan.Change == nil || *wan.Change.Transfers != "30.00" || wan.Where != doc.Where {
		t.Errorf("万元: change %+v, where %q", wan.Change, wan.Where)
	}

	tiny := testplan.File(t, "../../testdata/tiny/plan.toml")
	plain := report.NewCompare(report.Comparison{Base: tiny, Scenario: testplan.File(t, "../../testdata/tiny/plan.toml", "plan.capacity=61000000")})
	if plain.Change != nil || plain.Where != "" || plain.Base.DistrictPool != nil || plain.Totals.Components.Transfers != nil {
		t.Errorf("a plan without §6: %+v", plain)
	}
}

// groupInt is a whole amount with thousands separators.
func groupInt(d decimal.Decimal) string {
	s := d.String()
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
