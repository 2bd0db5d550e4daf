package workbook

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// planHead is a small plan's tables before its sub-districts.
const planHead = `[plan]
name = "小计划"
fiscal_year = 2026
capacity = 1000

[[staff]]
id = "cs"
name = "公务员"
annual_pay = 100

[[factor]]
id = "f"
name = "因素"
weight = 1
  [[factor.indicator]]
  quantity = "pop"
  weight = 1

`

// planSubs are its sub-districts, with comments and alignment.
const planSubs = `# 各街道 sub-districts
[[subdistrict]]
id = "a"            # 甲
name = "甲街道"
[subdistrict.staff]
cs = 3
[subdistrict.quantities]
# 人口 population
pop   = "100"       # 常住
extra = 7

[[subdistrict]]
id = "b"
name = "乙街道"
adjustment = 1.1
[subdistrict.quantities]
pop = 200
`

// TestReplaceSubdistricts edits a plan's sub-districts and checks the
// text, and that it loads as those sub-districts.
func TestReplaceSubdistricts(t *testing.T) {
	src := planHead + planSubs + "\n# 末尾 the end\n"
	doc, err := standards.Parse("p.toml", []byte(src), nil)
	must(t, err)
	p, err := doc.Plan()
	must(t, err)
	dec := decimal.RequireFromString
	type change func(subs []formula.Subdistrict) []formula.Subdistrict
	for _, tt := range []struct {
		name   string
		change change
		want   string // planSubs, as changed
	}{
		{"nothing", func(s []formula.Subdistrict) []formula.Subdistrict { return s }, planSubs},
		{"a value, keeping the comment, the alignment and the quotes", func(s []formula.Subdistrict) []formula.Subdistrict {
			s[0].Quantities.Set("pop", dec("105.5"))
			return s
		}, strings.Replace(planSubs, `pop   = "100"       # 常住`, `pop   = "105.5"     # 常住`, 1)},
		{"a bare number stays bare when whole", func(s []formula.Subdistrict) []formula.Subdistrict {
			s[1].Quantities.Set("pop", dec("250"))
			a := dec("1.25")
			s[1].Adjustment = &a
			return s
		}, strings.Replace(strings.Replace(planSubs, "pop = 200", "pop = 250", 1), "adjustment = 1.1", `adjustment = "1.25"`, 1)},
		{"values gone and new", func(s []formula.Subdistrict) []formula.Subdistrict {
			s[0].Quantities.Delete("extra")
			s[0].Rating = "良"
			s[1].Staff = formula.ValuesOf(map[string]decimal.Decimal{"cs": dec("2")})
			s[1].Adjustment = nil
			return s
		}, strings.NewReplacer("extra = 7\n", "", `name = "甲街道"`+"\n", `name = "甲街道"`+"\nperformance = \"良\"\n",
			"adjustment = 1.1\n", "", "pop = 200\n", "pop = 200\n[subdistrict.staff]\ncs = 2\n").Replace(planSubs)},
		{"a sub-district added, one removed, order changed", func(s []formula.Subdistrict) []formula.Subdistrict {
			c := clone(s[0])
			c.ID, c.Name = "c", "丙街道"
			return []formula.Subdistrict{s[1], c}
		}, "# 各街道 sub-districts\n" + planSubs[strings.Index(planSubs, "[[subdistrict]]\nid = \"b\""):] +
			"\n[[subdistrict]]\nid = \"c\"\nname = \"丙街道\"\n[subdistrict.staff]\ncs = 3\n[subdistrict.quantities]\npop = 100\nextra = 7\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			subs := make([]formula.Subdistrict, len(p.Subdistricts))
			for i, s := range p.Subdistricts {
				subs[i] = clone(s)
			}
			subs = tt.change(subs)
			got := string(ReplaceSubdistricts([]byte(src), p, subs))
			if want := planHead + tt.want + "\n# 末尾 the end\n"; got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			loadsAs(t, got, p, subs)
		})
	}
}

// loadsAs checks that plan text loads with the given sub-districts.
func loadsAs(t *testing.T, text string, p *formula.Plan, subs []formula.Subdistrict) {
	t.Helper()
	doc, err := standards.Parse("p.toml", []byte(text), nil)
	must(t, err)
	q, err := doc.Plan()
	must(t, err)
	sameSubs(t, p, q.Subdistricts, subs)
}

// TestReplaceSubdistrictsForms: plans without sub-districts, with CRLF
// line ends, with sub-districts in two runs, in forms the line editor
// does not follow, and with text that looks like a header inside strings.
func TestReplaceSubdistrictsForms(t *testing.T) {
	src := planHead + planSubs
	doc, err := standards.Parse("p.toml", []byte(src), nil)
	must(t, err)
	p, err := doc.Plan()
	must(t, err)
	fresh := string(SubdistrictsTOML(p, p.Subdistricts))
	for _, tt := range []struct{ name, src, want string }{
		{"no sub-districts", planHead, planHead + "\n" + fresh},
		{"no sub-districts, no final line end", strings.TrimSuffix(planHead, "\n\n"), strings.TrimSuffix(planHead, "\n") + "\n" + fresh},
		{"CRLF", strings.ReplaceAll(src, "\n", "\r\n"), strings.ReplaceAll(src, "\n", "\r\n")},
		{"two runs", planHead + strings.Replace(planSubs, "\n[[subdistrict]]\nid = \"b\"", "\n[tiers.A]\nmax_share = 1\n\n[[subdistrict]]\nid = \"b\"", 1),
			planHead + planSubs + "\n[tiers.A]\nmax_share = 1\n\n"},
		{"inline tables are written afresh", planHead + strings.Replace(planSubs, "[subdistrict.staff]\ncs = 3\n", "staff = { cs = 3 }\n", 1),
			planHead + "# 各街道 sub-districts\n" + fresh[:strings.Index(fresh, "\n\n")+1] + "\n" + planSubs[strings.Index(planSubs, "[[subdistrict]]\nid = \"b\""):]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(ReplaceSubdistricts([]byte(tt.src), p, p.Subdistricts))
			if got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
			loadsAs(t, got, p, p.Subdistricts)
		})
	}
}

// TestHeaders finds table headers outside strings and arrays only.
func TestHeaders(t *testing.T) {
	text := "[plan]\nname = \"\"\"\n[[subdistrict]]\n\"\"\"\nbasis = [\n  [1],\n]\n# [[subdistrict]]\n[[ subdistrict ]]\n[\"subdistrict\".staff]\n[damping]\n"
	var got []string
	for _, h := range headers(splitLines([]byte(text))) {
		got = append(got, strings.TrimSpace(splitLines([]byte(text))[h.line]))
		if h.sub != strings.Contains(splitLines([]byte(text))[h.line], "subdistrict") {
			t.Errorf("line %d: sub = %v", h.line, h.sub)
		}
	}
	if want := "[plan]|[[ subdistrict ]]|[\"subdistrict\".staff]|[damping]"; strings.Join(got, "|") != want {
		t.Errorf("headers %q, want %s", got, want)
	}
}
