// Package plangen writes a large synthetic district plan for benchmarks and
// stress tests: N sub-districts and about S standards (staff categories,
// public-cost quotas and zero-based projects) in a single TOML file, in the
// plan format of SPEC §2 (no separate standards file). The default size is
// the one the benchmarks target: 10,000 sub-districts × ~140 standards.
//
//	go run ./cmd/plangen -n 10000 -standards 140 -out /tmp/big.toml
//
// The plan is made to be accepted by SPEC §3: the generator computes every
// personnel, public-cost and project demand exactly (integer 元 and cents,
// rounded half away from zero as the engine does) and sets the capacity to
// 1.3 × (personnel + public + mandatory projects + half of the other project
// demand), so personnel, public costs and mandatory projects always fit.
// The last_year_total values share out the available capacity in proportion
// to each sub-district's estimate with a ±12% jitter. With floor 0.9 and
// ceiling 1.15 about 5% of the sub-districts are topped up to their floor
// and about 1% cut to their ceiling; the cuts fall short of the top-ups, so
// the rest is taken from the others by largest remainder, and the floors
// stay fundable. Tiers A–C are capped at 25% of the project pool and D at
// 5%, and the incentive budget usually binds, so largest-remainder splits
// run on large item lists.
//
// Output is deterministic for a given -seed (math/rand/v2 PCG; integer
// arithmetic only). The figures are synthetic, not real data.
package plangen

import (
	"bufio"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"
)

// quantity is a per-sub-district input. Values are integers in units of
// 10^-scale; mean is the typical value for a sub-district of size 1000‰.
type quantity struct {
	name  string
	mean  int64
	scale int  // decimal places when printed (0: integer)
	basis bool // may appear in a project basis
}

var quantities = []quantity{
	{"communities", 15, 0, true},
	{"hotline_tickets", 25000, 0, true},
	{"market_entities", 8000, 0, true},
	{"area_km2", 350, 2, false},
	{"green_area_m2", 400000, 0, true},
	{"resident_population", 80000, 0, true},
	{"floating_population", 18000, 0, true},
	{"elderly_60plus", 21000, 0, true},
	{"elderly_80plus", 4000, 0, true},
	{"disabled_persons", 1700, 0, true},
	{"households", 33000, 0, true},
	{"vector_area_m2", 1800000, 0, true},
	{"road_area_m2", 400000, 0, true},
	{"alley_area_m2", 150000, 0, true},
	{"bulky_waste_t", 1300, 0, true},
	{"elderly_stations", 8, 0, true},
	{"dry_toilets", 6, 0, true},
	{"parking_spaces", 3000, 0, true},
	{"back_alleys", 70, 0, true},
	{"schools", 12, 0, true},
	{"markets", 6, 0, true},
	{"buildings", 900, 0, true},
	{"official_vehicles", 10, 0, true},
	{"office_area_m2", 10000, 0, true},
}

type staffCat struct {
	id, name  string
	pay       int64 // 元 per head per year
	oncostPct int64 // oncost_rate in percent
	mean      int64 // typical headcount
}

var staffNames = []staffCat{
	{"civil_servant", "公务员", 210000, 36, 100},
	{"public_institution", "事业编", 180000, 34, 55},
	{"community_worker", "社区工作者", 120000, 32, 180},
	{"contract_staff", "编外人员", 85000, 30, 180},
	{"retiree", "离退休人员", 60000, 0, 140},
	{"auxiliary_police", "治安辅警", 90000, 30, 40},
}

type quota struct {
	id, name string
	rate     int64 // 元 per unit of basis
	basis    []string
}

var quotaNames = []quota{
	{"office", "办公经费", 12000, []string{"staff.civil_servant", "staff.public_institution"}},
	{"union_welfare", "工会经费及福利费", 4200, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"training", "培训费", 1500, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"contract_staff_mgmt", "编外人员管理经费", 2000, []string{"staff.contract_staff"}},
	{"community_office", "社区办公经费", 200000, []string{"communities"}},
	{"retiree_public", "离退休公用经费", 2400, []string{"staff.retiree"}},
	{"vehicle", "公务用车运行维护费", 30000, []string{"official_vehicles"}},
	{"office_property", "办公用房物业费", 60, []string{"office_area_m2"}},
	{"utilities", "水电费", 45, []string{"office_area_m2"}},
	{"meetings", "会议费", 800, []string{"staff.civil_servant"}},
	{"travel", "差旅费", 3000, []string{"staff.civil_servant", "staff.public_institution"}},
	{"printing", "印刷费", 600, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"it_maintenance", "信息化运维费", 1200, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"canteen", "食堂补助", 2400, []string{"staff.civil_servant", "staff.public_institution"}},
}

var projectThemes = []string{
	"病媒生物防制", "绿化养护", "大件垃圾清运", "老年助餐", "旱厕改造", "停车自治",
	"养老驿站", "道路清扫保洁", "街巷准物业服务", "社区党群服务中心运行",
	"残疾人温馨家园", "垃圾分类", "平安建设", "治安巡防", "背街小巷整治", "社区文化活动",
}

type project struct {
	id, name  string
	costCents int64 // unit_cost in cents
	basis     []int // indexes into quantities
	tier      string
}

type subdistrict struct {
	id, name   string
	rating     string
	adjust     bool
	heads      []int64 // per staff category
	payrollCat int     // -1: none
	payroll    int64
	q          []int64 // per quantity, in units of 10^-scale
	tax, prev  int64
	lastYear   int64
}

// Write writes a generated plan with n sub-districts and about nStd
// standards to w. The same seed always gives the same bytes.
func Write(w io.Writer, n, nStd int, seed uint64) error {
	if n < 1 || nStd < 3 {
		return fmt.Errorf("plangen: need n ≥ 1 and standards ≥ 3 (got %d, %d)", n, nStd)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	generate(bw, n, nStd, seed)
	return bw.Flush()
}

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }

// roundDiv is x/d rounded half away from zero, for x ≥ 0 and d > 0.
func roundDiv(x, d int64) int64 { return (2*x + d) / (2 * d) }

// decimal prints v × 10^-scale with trailing zeros removed.
func decimal(v int64, scale int) string {
	s := strconv.FormatInt(v, 10)
	if scale == 0 {
		return s
	}
	for len(s) <= scale {
		s = "0" + s
	}
	s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func generate(w *bufio.Writer, n, nStd int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))

	// Split the standards: ~6 staff categories, ~14 quotas, the rest projects.
	nStaff := min(6, max(1, nStd/20))
	nQuota := min(14, max(1, nStd/10))
	nProject := max(1, nStd-nStaff-nQuota)

	staff := make([]staffCat, nStaff)
	staffIdx := map[string]int{}
	for i := range staff {
		if i < len(staffNames) {
			staff[i] = staffNames[i]
		} else {
			staff[i] = staffCat{fmt.Sprintf("staff_%02d", i+1), fmt.Sprintf("其他人员%02d", i+1), 80000, 30, 20}
		}
		staffIdx[staff[i].id] = i
	}
	qIdx := map[string]int{}
	var basisQ []int
	for i, q := range quantities {
		qIdx[q.name] = i
		if q.basis {
			basisQ = append(basisQ, i)
		}
	}

	quotas := make([]quota, nQuota)
	for i := range quotas {
		var q quota
		if i < len(quotaNames) {
			q = quotaNames[i]
			q.basis = nil
			for _, b := range quotaNames[i].basis {
				if id, ok := strings.CutPrefix(b, "staff."); ok {
					if _, exists := staffIdx[id]; !exists {
						continue
					}
				}
				q.basis = append(q.basis, b)
			}
			if len(q.basis) == 0 {
				q.basis = []string{"communities"}
			}
		} else {
			qi := basisQ[r.IntN(len(basisQ))]
			q = quota{fmt.Sprintf("quota_%03d", i+1), fmt.Sprintf("其他公用经费%03d", i+1), 0, []string{quantities[qi].name}}
			q.rate = max(1, between(r, 20000, 300000)/quantities[qi].mean)
		}
		quotas[i] = q
	}

	tiers := []string{"mandatory", "A", "B", "C", "D"}
	projects := make([]project, nProject)
	for i := range projects {
		p := project{id: fmt.Sprintf("p%03d", i+1)}
		p.name = fmt.Sprintf("%s(%03d)", projectThemes[i%len(projectThemes)], i+1)
		p.basis = []int{basisQ[r.IntN(len(basisQ))]}
		if r.IntN(4) == 0 {
			if b := basisQ[r.IntN(len(basisQ))]; b != p.basis[0] {
				p.basis = append(p.basis, b)
			}
		}
		var typical int64
		for _, b := range p.basis {
			typical += quantities[b].mean
		}
		target := between(r, 30000, 630000) // 元 per sub-district of typical size
		p.costCents = max(1, target*100/typical)
		p.tier = tiers[1+r.IntN(4)] // A–D, or mandatory for ~12%
		if r.IntN(100) < 12 {
			p.tier = tiers[0]
		}
		projects[i] = p
	}

	ratings := []string{"优", "良", "良", "中", "优", "良", "中", "良", "差", "良"}
	subs := make([]subdistrict, n)
	width := len(strconv.Itoa(n))
	est := make([]int64, n)
	var fixed, other int64 // Σ(personnel + public + mandatory), Σ other project demand
	for i := range subs {
		s := &subs[i]
		s.id = fmt.Sprintf("s%0*d", width, i+1)
		s.name = fmt.Sprintf("第%d街道", i+1)
		s.rating = ratings[r.IntN(len(ratings))]
		s.adjust = r.IntN(10) == 0
		size := between(r, 400, 1800) // ‰ of a typical sub-district
		s.q = make([]int64, len(quantities))
		for k, q := range quantities {
			if q.name == "dry_toilets" {
				s.q[k] = r.Int64N(2*q.mean + 1) // may be 0: many have none left
			} else {
				s.q[k] = max(1, q.mean*size/1000*between(r, 800, 1200)/1000)
			}
		}
		s.heads = make([]int64, nStaff)
		for k, c := range staff {
			s.heads[k] = max(1, c.mean*size/1000*between(r, 850, 1150)/1000)
		}
		s.payrollCat = -1
		if r.IntN(20) == 0 {
			s.payrollCat = r.IntN(nStaff)
			s.payroll = s.heads[s.payrollCat] * staff[s.payrollCat].pay * between(r, 95, 110) / 100
		}
		s.prev = between(r, 100_000_000, 2_000_000_000) * size / 1000
		s.tax = s.prev * between(r, 920, 1120) / 1000

		// Exact demands, as SPEC §3 stages 2–4 compute them.
		var fix, oth int64
		for k, c := range staff {
			base := s.heads[k] * c.pay
			if k == s.payrollCat {
				base = s.payroll
			}
			fix += roundDiv(base*(100+c.oncostPct), 100)
		}
		for _, q := range quotas {
			var b int64
			for _, name := range q.basis {
				if id, ok := strings.CutPrefix(name, "staff."); ok {
					b += s.heads[staffIdx[id]]
				} else {
					b += s.q[qIdx[name]]
				}
			}
			fix += q.rate * b
		}
		for _, p := range projects {
			var b int64
			for _, k := range p.basis {
				b += s.q[k]
			}
			d := roundDiv(p.costCents*b, 100)
			if p.tier == "mandatory" {
				fix += d
			} else {
				oth += d
			}
		}
		fixed += fix
		other += oth
		est[i] = fix + oth/2
	}
	// capacity = ceil(1.3 × (fixed + other/2)), in whole 元.
	x := fixed + other/2
	capacity := (13*x + 9) / 10
	available := capacity - roundDiv(2*capacity, 100) // reserve_rate 0.02
	incentiveBudget := int64(n) * 600000

	// last_year_total: each sub-district's share of what is available, in
	// proportion to its estimate with a ±12% jitter; the baselines add up
	// to about the available capacity, so the floors stay fundable.
	var wsum uint64
	for i := range subs {
		est[i] *= between(r, 880, 1120)
		wsum += uint64(est[i])
	}
	for i := range subs {
		hi, lo := bits.Mul64(uint64(available), uint64(est[i]))
		q, _ := bits.Div64(hi, lo, wsum) // < available, as est[i] ≤ wsum
		subs[i].lastYear = int64(q)
	}

	fmt.Fprintf(w, "# Synthetic benchmark plan: %d sub-districts, %d staff categories, %d quotas, %d projects.\n", n, nStaff, nQuota, nProject)
	fmt.Fprintf(w, "# Generated by: go run ./cmd/plangen -n %d -standards %d -seed %d\n", n, nStd, seed)
	fmt.Fprintf(w, "# The figures are synthetic, not real data.\n\n")
	fmt.Fprintf(w, "[plan]\nname = \"合成测试区 %d 个街道\"\ndistrict = \"合成测试区\"\nfiscal_year = 2025\n", n)
	fmt.Fprintf(w, "capacity = \"%d\"\nrounding_unit = \"1\"\nreserve_rate = \"0.02\"\n\n", capacity)

	for _, c := range staff {
		fmt.Fprintf(w, "[[staff]]\nid = %q\nname = %q\nannual_pay = \"%d\"\noncost_rate = %q\n\n",
			c.id, c.name, c.pay, decimal(c.oncostPct, 2))
	}
	for _, q := range quotas {
		fmt.Fprintf(w, "[[quota]]\nid = %q\nname = %q\nrate = \"%d\"\nbasis = %s\n\n", q.id, q.name, q.rate, list(q.basis))
	}
	for _, p := range projects {
		names := make([]string, len(p.basis))
		for k, b := range p.basis {
			names[k] = quantities[b].name
		}
		fmt.Fprintf(w, "[[project]]\nid = %q\nname = %q\nunit_cost = %q\nbasis = %s\ntier = %q\n\n",
			p.id, p.name, decimal(p.costCents, 2), list(names), p.tier)
	}
	// A–C at most 25% of the project pool each (the seeds' rule); D gets a
	// tight 5% so that its items are split by largest remainder.
	for _, t := range tiers[1:] {
		share := "0.25"
		if t == "D" {
			share = "0.05"
		}
		fmt.Fprintf(w, "[tiers.%s]\nmax_share = %q\n\n", t, share)
	}
	w.WriteString(`[[factor]]
id = "workload"
name = "工作任务量"
weight = "0.4"
  [[factor.indicator]]
  quantity = "communities"
  weight = "0.3"
  [[factor.indicator]]
  quantity = "hotline_tickets"
  weight = "0.4"
  [[factor.indicator]]
  quantity = "market_entities"
  weight = "0.3"

[[factor]]
id = "area"
name = "辖区面积"
weight = "0.2"
  [[factor.indicator]]
  quantity = "area_km2"
  weight = "0.7"
  [[factor.indicator]]
  quantity = "green_area_m2"
  weight = "0.3"

[[factor]]
id = "population"
name = "服务人口"
weight = "0.4"
  [[factor.indicator]]
  quantity = "resident_population"
  weight = "0.5"
  [[factor.indicator]]
  quantity = "floating_population"
  weight = "0.2"
  [[factor.indicator]]
  quantity = "elderly_60plus"
  weight = "0.3"

[performance]
mode = "redistribute"
[performance.coefficients]
"优" = "1.05"
"良" = "1.0"
"中" = "0.95"
"差" = "0.85"

`)
	fmt.Fprintf(w, "[incentive]\nrate = \"0.05\"\ncurrent = \"tax_revenue\"\nprevious = \"tax_revenue_prev\"\nbudget = \"%d\"\n\n", incentiveBudget)
	w.WriteString("[damping]\nbaseline = \"last_year_total\"\nfloor = \"0.9\"\nceiling = \"1.15\"\n\n")

	for i := range subs {
		s := &subs[i]
		fmt.Fprintf(w, "[[subdistrict]]\nid = %q\nname = %q\nperformance = %q\n", s.id, s.name, s.rating)
		if s.adjust {
			w.WriteString("adjustment = \"1.05\"\n")
		}
		w.WriteString("[subdistrict.staff]\n")
		for k, c := range staff {
			fmt.Fprintf(w, "%s = %d\n", c.id, s.heads[k])
		}
		if s.payrollCat >= 0 {
			fmt.Fprintf(w, "[subdistrict.payroll]\n%s = \"%d\"\n", staff[s.payrollCat].id, s.payroll)
		}
		w.WriteString("[subdistrict.quantities]\n")
		for k, q := range quantities {
			if q.scale > 0 {
				fmt.Fprintf(w, "%s = %q\n", q.name, decimal(s.q[k], q.scale))
			} else {
				fmt.Fprintf(w, "%s = %d\n", q.name, s.q[k])
			}
		}
		fmt.Fprintf(w, "tax_revenue = \"%d\"\ntax_revenue_prev = \"%d\"\nlast_year_total = \"%d\"\n\n", s.tax, s.prev, s.lastYear)
	}
}

// list formats names as a TOML array of strings.
func list(names []string) string {
	q := make([]string, len(names))
	for i, s := range names {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
