package standards

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
)

// FuzzLoad feeds arbitrary bytes to the plan loader and, when they load,
// through validation and the engine. Whatever the input: no panic, and a
// failure is always one of the typed errors.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(tinyPlan(f)))
	f.Add([]byte("[plan]\nname = \"x\"\nfiscal_year = 2025\ncapacity = 100\n[[factor]]\nid = \"a\"\nname = \"a\"\nweight = 1\n[[factor.indicator]]\nquantity = \"q\"\nweight = 1\n[[subdistrict]]\nid = \"s\"\nname = \"s\"\n[subdistrict.quantities]\nq = 1\n"))
	f.Add([]byte("[plan]\ncapacity = 1e400\n"))
	f.Add([]byte(tinyPlan(f) + "\n[quantity_labels]\ncommunities = { name = \"社区数\", unit = \"个\" }\nx = \"y\"\nz = { name = 1, w = 2 }\n"))
	f.Add([]byte("[plan]\ncapacity = \"99999999999999999999999999999999.000000000000001\"\n"))
	// Shapes that cost the decoder the square of their size, which the
	// limits refuse first (limits.go), and text that only looks like them.
	f.Add([]byte(deep("junk", 6000)))
	f.Add([]byte(deep("[plan]\nname", maxNesting)))
	f.Add([]byte("x = " + strings.Repeat("[", 6000) + strings.Repeat("]", 6000)))
	f.Add([]byte("x = " + strings.Repeat("[{a=", 40) + "1" + strings.Repeat("}]", 40)))
	f.Add([]byte("a = {b = [{c = {d = [[1], [2]]}}], e = \"{[\"}\n"))
	f.Add([]byte("x = \"{{{{\\\"[[[[\"\ny = '{{{{'\nz = \"\"\"\n{{{{\n\"\"\"\"\nw = '''\n[[[[\n'''\n# {{{{\n"))
	f.Add([]byte("[" + strings.Repeat("k", 300) + "]\n"))
	f.Add([]byte("a" + strings.Repeat(".a", 1000) + " = 1\n"))
	f.Add([]byte("[a" + strings.Repeat(".a", 1000) + "]\n"))
	f.Add([]byte("[plan]\nreserve_rate = 1e-400\ncapacity = 1234567890123456.78\n"))
	f.Add([]byte("[plan]\ncapacity = " + strings.Repeat("9", 10000) + "\n"))
	f.Add([]byte("[plan]\ncapacity = \"" + strings.Repeat("9", 10000) + "\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow input %q", data)) })
		defer watchdog.Stop()
		doc, err := Parse("plan.toml", data, nil)
		if err != nil {
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("load failed without problems: %v", err)
			}
			return
		}
		m, err := doc.Compile()
		if err != nil {
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("compile failed without problems: %v", err)
			}
			return
		}
		res, err := m.Evaluate()
		if err != nil {
			var rej *formula.RejectedError
			if !errors.As(err, &rej) {
				t.Fatalf("evaluate failed untyped: %v", err)
			}
			return
		}
		if err := res.CheckIdentity(); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzOverride applies arbitrary --set overrides ("&"-separated) to the
// tiny plan: every failure is typed, and the fast path for numeric
// overrides gives what the general way gives.
func FuzzOverride(f *testing.F) {
	doc, err := Parse("plan.toml", []byte(tinyPlan(f)), nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"plan.capacity=59000000", "factor.workload.weight=0.5", "subdistrict.east.quantities.x=1",
		"tiers.C.max_share=0.1", "performance.coefficients.优=2", "project.greening.basis=a,b", "a.b.c.d=e",
		"plan.capacity=59000000&factor.workload.weight=0.5&factor.area.weight=0.1",
		"subdistrict.east.adjustment=1.2&subdistrict.east.adjustment=0",
		"plan.capacity=" + strings.Repeat("9", 31), "plan.reserve_rate=0." + strings.Repeat("0", 12) + "1",
		// The rules of issue 9: overflow, floors that keep the rating,
		// damping without staff costs, project ratings.
		"tiers.overflow=demote&tiers.A.max_share=0.1", "tiers.overflow=cut", "damping.floor_keeps_rating=true",
		"damping.exclude=personnel,public", "damping.exclude=", "damping.exclude=personnel,personnel",
		"project_performance.coefficients.中=0.9&subdistrict.east.project_ratings.greening=中",
		"plan.rounding_unit=0",
		// Names wherever ids are (docs/names.md).
		"subdistrict.东街道.adjustment=1.2&project.病媒生物防制.unit_cost=2", "subdistrict.东街道.staff.公务员=31",
		"subdistrict.东街道.quantities.x=1", "factor.工作任务量.weight=0.5&factor.辖区面积.weight=0.1", "subdistrict.东.adjustment=1",
		// Where the money goes (SPEC §6): tables an override adds.
		"block.amount=4500000", "block.amount=4500000&project.vector_control.unit_cost=2", "tiers.cap_base=available",
		"block.amount=-1", "tiers.cap_base=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		args := strings.Split(arg, "&")
		if len(args) > 4 {
			return
		}
		ovs, err := ParseSets(args...)
		if err != nil {
			return
		}
		if fast, general := fastAndGeneral(t, doc, ovs); fast != general {
			t.Fatalf("fast path differs from the general way:\nfast:    %.300s\ngeneral: %.300s", fast, general)
		}
		over, err := doc.Apply(ovs...)
		if err != nil {
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || caili.KindOf(err) != caili.KindBadRequest {
				t.Fatalf("override failed untyped: %v", err)
			}
			return
		}
		m, err := over.Compile()
		if err != nil {
			t.Fatalf("an applied override compiled with problems: %v", err)
		}
		if _, err := m.Evaluate(); err != nil {
			var rej *formula.RejectedError
			if !errors.As(err, &rej) {
				t.Fatalf("evaluate failed untyped: %v", err)
			}
		}
	})
}
