package checkxlsx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/report/checkxlsx"
	"github.com/caili/caili/internal/testplan"
	"github.com/caili/caili/standards/plangen"
)

// soffice finds LibreOffice. Without it the test is skipped, saying how to
// install it, except under CI=true, where it fails.
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err == nil {
		return path
	}
	msg := "soffice (LibreOffice) not found: the check workbook's formulas are not recalculated; " +
		"install it with apt-get install -y --no-install-recommends libreoffice-calc-nogui"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: it is required)")
	}
	t.Skip(msg)
	return ""
}

// recalc opens every workbook of files in one LibreOffice run, which
// recalculates their formulas (the workbooks ask for a full calculation on
// load and carry no cached values), and saves them as .xlsx with the
// values; it returns the saved workbooks by name.
func recalc(t *testing.T, files map[string][]byte) map[string][]byte {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "xlsx", "--outdir", filepath.Join(dir, "out")}
	for name, data := range files {
		in := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, in)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	out := map[string][]byte{}
	for name := range files {
		b, err := os.ReadFile(filepath.Join(dir, "out", name+".xlsx"))
		if err != nil {
			t.Fatalf("soffice wrote no workbook for %s: %v", name, err)
		}
		out[name] = b
	}
	return out
}

// checkCell matches a check cell's formula: IF(ABS(formula-constant)<…).
var checkCell = regexp.MustCompile(`^=?IF\(ABS\(\$?([A-Z]+)\$?([0-9]+)-\$?([A-Z]+)\$?([0-9]+)\)`)

// compared counts what verify compared.
type compared struct{ amounts, sames int }

// verify reads a recalculated workbook: every check cell's formula value
// must equal caili's figure beside it to the rounding unit (compared here
// in Go, exactly), and say 一致; the summary must say 全部一致.
func verify(t *testing.T, data []byte, unit decimal.Decimal) compared {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var n compared
	places := -unit.Exponent()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fx, _ := f.GetCellFormula(sheet, cell)
				m := checkCell.FindStringSubmatch(fx)
				if m == nil {
					continue
				}
				got := value(t, f, sheet, m[1]+m[2])
				want := value(t, f, sheet, m[3]+m[4])
				if !got.Round(places).Equal(want) {
					t.Errorf("%s!%s%s: formula gives %s, caili %s", sheet, m[1], m[2], got, want)
				}
				n.amounts++
				if row[c] == checkxlsx.Same {
					n.sames++
				} else {
					t.Errorf("%s!%s: %q", sheet, cell, row[c])
				}
			}
		}
	}
	if v, _ := f.GetCellValue(checkxlsx.SheetSummary, "B17"); v != "全部一致" {
		t.Errorf("汇总!B17 = %q, want 全部一致", v)
	}
	for _, c := range []string{"B16"} {
		if v, _ := f.GetCellValue(checkxlsx.SheetSummary, c); v != "通过" {
			t.Errorf("汇总!%s = %q, want 通过", c, v)
		}
	}
	return n
}

// value reads a number cell as a decimal (the shortest decimal of the
// double LibreOffice saved).
func value(t *testing.T, f *excelize.File, sheet, cell string) decimal.Decimal {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		t.Fatalf("%s!%s: not a number: %q", sheet, cell, v)
	}
	return decimal.NewFromFloat(x)
}

// plan is one plan the test checks.
type plan struct {
	name string
	res  *formula.Result
}

// generated evaluates a plangen plan with overrides.
func generated(t *testing.T, n, nStd int, seed uint64, sets ...string) *formula.Result {
	t.Helper()
	return testplan.File(t, generatedFile(t, n, nStd, seed, false), sets...)
}

// generatedFile writes a plangen plan; rated adds project ratings
// (项目绩效): [project_performance] with 中 = 0.9 and 差 = 0, and every
// second 街道 rates its first non-mandatory project 中 and every third its
// last 差.
func generatedFile(t *testing.T, n, nStd int, seed uint64, rated bool) string {
	t.Helper()
	var buf bytes.Buffer
	if err := plangen.Write(&buf, n, nStd, seed); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if rated {
		res := testplan.File(t, writeTemp(t, text))
		var ids []string
		for _, p := range res.Plan.Projects {
			if p.Tier != formula.TierMandatory {
				ids = append(ids, p.ID)
			}
		}
		const sep = "\n[[subdistrict]]\n"
		chunks := strings.Split(text, sep)
		chunks[0] += "\n[project_performance]\n[project_performance.coefficients]\n\"中\" = \"0.9\"\n\"差\" = \"0\"\n"
		for i := 1; i < len(chunks); i++ {
			var r []string
			if i%2 == 0 {
				r = append(r, ids[0]+" = \"中\"")
			}
			if i%3 == 0 {
				r = append(r, ids[len(ids)-1]+" = \"差\"")
			}
			if len(r) > 0 {
				chunks[i] = strings.TrimRight(chunks[i], "\n") + "\n[subdistrict.project_ratings]\n" + strings.Join(r, "\n") + "\n"
			}
		}
		text = strings.Join(chunks, sep)
	}
	return writeTemp(t, text)
}

// generatedFileB is the plan of BenchmarkWrite200.
func generatedFileB(b *testing.B) string {
	var buf bytes.Buffer
	if err := plangen.Write(&buf, 200, 40, 7); err != nil {
		b.Fatal(err)
	}
	return writeTemp(b, buf.String())
}

func writeTemp(t testing.TB, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func plans(t *testing.T) []plan {
	tiny, rules := "../../../testdata/tiny/plan.toml", "../../../testdata/rules/plan.toml"
	money := "../../../testdata/money/plan.toml"
	return []plan{
		{"sample", testplan.File(t, "../../../configs/plan.toml")},
		{"tiny", testplan.File(t, tiny)},
		{"rules", testplan.File(t, rules)},
		{"tiny-cents", testplan.File(t, tiny, "plan.rounding_unit=0.01", "plan.reserve_rate=0.0123")},
		{"tiny-10000-floors", testplan.File(t, tiny, "plan.rounding_unit=10000", "damping.floor=1.07")},
		{"tiny-floor-funding", testplan.File(t, tiny, "damping.floor=1.07")},
		{"tiny-reserve", testplan.File(t, tiny, "performance.mode=reserve", "performance.coefficients.优=1")},
		{"tiny-staff-indicator", testplan.File(t, tiny, "factor.workload.indicator.communities.quantity=staff.civil_servant",
			"damping.baseline=staff.civil_servant", "damping.floor=0", "damping.ceiling=100000000")},
		{"rules-cut-reserve", testplan.File(t, rules, "tiers.overflow=cut", "performance.mode=reserve", "performance.coefficients.优=1")},
		{"gen1", generated(t, 9, 24, 1)},
		{"gen2-demote", generated(t, 12, 30, 2, "tiers.overflow=demote", "tiers.C.max_share=0.1")},
		{"gen3-keep", generated(t, 7, 20, 3, "damping.floor_keeps_rating=true", "damping.exclude=incentive")},
		{"gen4-reserve", generated(t, 10, 26, 4, "performance.mode=reserve", "performance.coefficients.优=1",
			"tiers.overflow=demote")},
		{"gen5-rated", testplan.File(t, generatedFile(t, 11, 28, 5, true), "tiers.overflow=demote", "damping.floor_keeps_rating=true")},
		{"gen6-rated-cut", testplan.File(t, generatedFile(t, 6, 22, 6, true))},
		{"money", testplan.File(t, money)},
		{"money-reserve-cut", testplan.File(t, money, "performance.mode=reserve", "performance.coefficients.优=1",
			"tiers.overflow=cut", "block.amount=3500000", "damping.floor=0.75")},
		{"money-cents-pool", testplan.File(t, money, "plan.rounding_unit=0.01", "tiers.cap_base=pool",
			"block.amount=99000000", "subdistrict.north.execution.vector_control=0.5")},
		{"rules-money", testplan.File(t, rules, "block.amount=4000000", "tiers.cap_base=available",
			"project.greening.managed=district", "damping.floor=0.85")},
	}
}

// TestLibreOfficeRecalculates writes the check workbook of the sample
// plan, the rules examples and random plans, recalculates them all in one
// LibreOffice run and compares every amount with caili's.
func TestLibreOfficeRecalculates(t *testing.T) {
	soffice(t)
	ps := plans(t)
	files := map[string][]byte{}
	for _, p := range ps {
		var buf bytes.Buffer
		if err := checkxlsx.Write(&buf, p.res); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		files[p.name] = buf.Bytes()
	}
	eds := edits(t)
	for _, ed := range eds {
		files[ed.name] = edit(t, ed)
	}
	covered := map[string]bool{}
	for _, p := range ps {
		for _, f := range features(p.res) {
			covered[f] = true
		}
	}
	for _, f := range allFeatures {
		if !covered[f] {
			t.Errorf("no plan exercises %s", f)
		}
	}
	files["tampered"] = tamper(t)
	saved := recalc(t, files)
	t.Run("tampered", func(t *testing.T) { flagsTamper(t, saved["tampered"]) })
	for _, ed := range eds {
		t.Run(ed.name, func(t *testing.T) { followsEdit(t, saved[ed.name], ed.want) })
	}
	for _, p := range ps {
		t.Run(p.name, func(t *testing.T) {
			n := verify(t, saved[p.name], p.res.Unit)
			if n.amounts < 3*len(p.res.Subdistricts) {
				t.Errorf("only %d amounts compared", n.amounts)
			}
			t.Logf("%d amounts equal caili's", n.amounts)
		})
	}
}

// TestTooLarge refuses a plan of more sub-districts, or more item rows,
// than a workbook can recalculate in reasonable time.
func TestTooLarge(t *testing.T) {
	for _, res := range []*formula.Result{
		generated(t, checkxlsx.MaxSubdistricts+1, 3, 1),
		generated(t, 300, 60, 1),
	} {
		err := checkxlsx.Write(&bytes.Buffer{}, res)
		if !errors.Is(err, checkxlsx.ErrTooLarge) || !strings.Contains(fmt.Sprint(err), "至多") {
			t.Errorf("%d 街道: err = %v", len(res.Subdistricts), err)
		}
	}
}

// TestDeterministic writes the same bytes for the same result, so that
// the route's strong ETag names one body.
func TestDeterministic(t *testing.T) {
	res := testplan.File(t, "../../../testdata/rules/plan.toml")
	var a, b bytes.Buffer
	if err := checkxlsx.Write(&a, res); err != nil {
		t.Fatal(err)
	}
	if err := checkxlsx.Write(&b, res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of one result differ")
	}
}

// allFeatures are the rules the plans of the test must exercise between
// them (features names them).
var allFeatures = []string{"tier split by LR", "demoted", "performance reserve", "rating effect",
	"ceiling", "floor", "floor funding", "project rating", "incentive budget binds", "unit 0.01", "unit 10000",
	"district pool", "district-managed", "transfers", "cap_base available", "execution cut", "execution band edge"}

// features lists the rules of allFeatures that a result exercises.
func features(res *formula.Result) []string {
	var out []string
	add := func(ok bool, f string) {
		if ok {
			out = append(out, f)
		}
	}
	for _, tr := range res.Tiers {
		add(tr.Budget.LessThan(tr.Demand), "tier split by LR")
		add(tr.Demoted.IsPositive(), "demoted")
	}
	add(res.PerformanceReserve.IsPositive(), "performance reserve")
	p := res.Plan
	if inc := p.Incentive; inc != nil && inc.Budget != nil {
		add(res.IncentivePool.Equal(*inc.Budget), "incentive budget binds")
	}
	add(res.Unit.Equal(decimal.RequireFromString("0.01")), "unit 0.01")
	add(res.Unit.Equal(decimal.NewFromInt(10000)), "unit 10000")
	for _, a := range res.Subdistricts {
		add(a.RatingEffect != nil && !a.RatingEffect.IsZero(), "rating effect")
		for _, l := range a.Lines {
			add(l.Stage == formula.StageDamping && l.Item == "ceiling" && !l.Amount.IsZero(), "ceiling")
			add(l.Stage == formula.StageDamping && l.Item == "floor", "floor")
			add(l.Stage == formula.StageDamping && l.Item == "floor_funding", "floor funding")
		}
	}
	for _, sd := range p.Subdistricts {
		add(len(sd.ProjectRatings) > 0 && p.ProjectPerformance != nil, "project rating")
	}
	return append(out, moneyFeatures(res)...)
}

// moneyFeatures lists the rules of §6 (where the money goes) of
// allFeatures that a result exercises.
func moneyFeatures(res *formula.Result) []string {
	var out []string
	add := func(ok bool, f string) {
		if ok {
			out = append(out, f)
		}
	}
	p := res.Plan
	add(res.DistrictPool.IsPositive(), "district pool")
	add(res.DistrictManaged.IsPositive(), "district-managed")
	add(res.Transfers.IsPositive(), "transfers")
	add(p.TierCapBase == formula.CapAvailable, "cap_base available")
	if pe := p.ProjectExecution; pe != nil {
		for _, sd := range p.Subdistricts {
			for _, rate := range sd.Execution {
				for _, band := range pe.Bands {
					add(rate.LessThan(band.Below), "execution cut")
					add(rate.Equal(band.Below), "execution band edge")
				}
			}
		}
	}
	return out
}

// tamper is the tiny example's workbook with caili's total of the first
// 街道 on 汇总 (J20) off by one unit, as a figure copied wrongly would be.
func tamper(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := checkxlsx.Write(&buf, testplan.File(t, "../../../testdata/tiny/plan.toml")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(checkxlsx.SheetSummary, "J20"); v != "22659200" {
		t.Fatalf("汇总!J20 = %q, want east's total 22659200", v)
	}
	if err := f.SetCellValue(checkxlsx.SheetSummary, "J20", 22659201); err != nil {
		t.Fatal(err)
	}
	out, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// flagsTamper checks that the check column and the count flag the
// tampered figure, and nothing else.
func flagsTamper(t *testing.T, data []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"K20": checkxlsx.Differ, "K21": checkxlsx.Same, "B17": "有 1 处不一致"} {
		if v, _ := f.GetCellValue(checkxlsx.SheetSummary, cell); v != want {
			t.Errorf("汇总!%s = %q, want %q", cell, v, want)
		}
	}
}

// edited is a check workbook with one input changed as a clerk would,
// and caili's result of the same change made by an override.
type edited struct {
	name  string
	base  *formula.Result
	row   string // the label (column A) or sub-district id of the row on 输入
	col   int    // the column changed: 2 for a parameter, 3 for a rating or a transfer's amount
	value any
	want  *formula.Result
}

func edits(t *testing.T) []edited {
	tiny, rules := "../../../testdata/tiny/plan.toml", "../../../testdata/rules/plan.toml"
	money := "../../../testdata/money/plan.toml"
	mk := func(name, plan, row string, col int, value any, set string) edited {
		return edited{name: name, base: testplan.File(t, plan), row: row, col: col, value: value,
			want: testplan.File(t, plan, set)}
	}
	return []edited{
		mk("edit-capacity", tiny, "可用财力 capacity(元)", 2, 59000000, "plan.capacity=59000000"),
		mk("edit-overflow", rules, "分档顺延 tiers.overflow", 2, "cut", "tiers.overflow=cut"),
		mk("edit-rating", tiny, "north", 3, "优", "subdistrict.north.performance=优"),
		mk("edit-floor", tiny, "保底系数 damping.floor", 2, 1.07, "damping.floor=1.07"),
		mk("edit-keep", rules, "保底保留绩效影响 floor_keeps_rating", 2, "否", "damping.floor_keeps_rating=false"),
		mk("edit-block-amount", money, "因素分配资金 block.amount(元)", 2, 4500000, "block.amount=4500000"),
		mk("edit-cap-base", money, "分档上限基数 tiers.cap_base", 2, "pool", "tiers.cap_base=pool"),
		mk("edit-transfer", money, "city_greening", 3, 2000001, "transfer.city_greening.amount=2000001"),
	}
}

// edit writes ed's base workbook and changes its input.
func edit(t *testing.T, ed edited) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := checkxlsx.Write(&buf, ed.base); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(checkxlsx.SheetInputs)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for r, row := range rows {
		if len(row) > 0 && row[0] == ed.row {
			cell, _ := excelize.CoordinatesToCellName(ed.col, r+1)
			if err := f.SetCellValue(checkxlsx.SheetInputs, cell, ed.value); err != nil {
				t.Fatal(err)
			}
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("%s: no row %q on 输入", ed.name, ed.row)
	}
	out, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// followsEdit checks that the summary of an edited, recalculated
// workbook shows caili's result of the same change: every component and
// total of every sub-district.
func followsEdit(t *testing.T, data []byte, want *formula.Result) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(checkxlsx.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for r, row := range rows {
		if len(row) == 0 || r < 18 {
			continue
		}
		a, ok := want.Find(row[0])
		if !ok {
			continue
		}
		seen++
		comps := a.Components()
		for k := range 7 {
			cell, _ := excelize.CoordinatesToCellName(3+k, r+1)
			exp := a.Total
			if k < 6 {
				exp = comps[k]
			}
			if got := value(t, f, checkxlsx.SheetSummary, cell); !got.Round(-want.Unit.Exponent()).Equal(exp) {
				t.Errorf("%s %s: workbook %s, caili %s", a.ID, cell, got, exp)
			}
		}
	}
	if seen != len(want.Subdistricts) {
		t.Errorf("found %d of %d sub-districts on 汇总", seen, len(want.Subdistricts))
	}
}
