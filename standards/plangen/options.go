package plangen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Options choose the plan Write generates. N, Standards and Seed are as
// for Write. Extra adds that many data-only quantities to every
// sub-district (x001, x002, …, integers no standard reads), the shape of
// a plan that collects many quantities: 100 extra make a 10,000
// sub-district plan ~1.3 million keys. Data, when not empty, names the
// CSV data file the plan reads instead of its [[subdistrict]] tables
// (`[plan] data`, docs/workbooks.md); WriteOptions then writes the
// sub-districts as that CSV to its data writer.
type Options struct {
	N, Standards int
	Seed         uint64
	Extra        int
	Data         string
}

// flags is the generator's command line for opt beyond -n, -standards
// and -seed, for the plan's header comment.
func (opt Options) flags() string {
	var b strings.Builder
	if opt.Extra > 0 {
		fmt.Fprintf(&b, " -extra %d", opt.Extra)
	}
	if opt.Data != "" {
		fmt.Fprintf(&b, " -data %s", opt.Data)
	}
	return b.String()
}

// WriteOptions writes the plan opt describes to plan and, when opt.Data
// is set, its sub-districts as CSV to data (which must then not be nil).
// The same options always give the same bytes, and the sub-districts are
// the same whether they go into the plan or into the CSV.
func WriteOptions(plan, data io.Writer, opt Options) error {
	if opt.N < 1 || opt.Standards < 3 || opt.Extra < 0 || opt.Extra > 999 {
		return fmt.Errorf("plangen: need n ≥ 1, standards ≥ 3 and 0 ≤ extra ≤ 999 (got %d, %d, %d)", opt.N, opt.Standards, opt.Extra)
	}
	if opt.Data != "" && data == nil {
		return fmt.Errorf("plangen: data file %q named but no writer for it", opt.Data)
	}
	bw := bufio.NewWriterSize(plan, 1<<20)
	g := generate(bw, opt)
	if err := bw.Flush(); err != nil {
		return err
	}
	if opt.Data == "" {
		return nil
	}
	dw := bufio.NewWriterSize(data, 1<<20)
	g.writeCSV(dw)
	return dw.Flush()
}

// extraName is the name of the k-th extra quantity (from 0).
func extraName(k int) string { return fmt.Sprintf("x%03d", k+1) }

// extraValues draws opt.Extra values for each of n sub-districts from a
// source of their own, so that the rest of the plan is the same bytes
// with or without them.
func extraValues(opt Options, n int) []int64 {
	if opt.Extra == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(opt.Seed^0x5bd1e995, opt.Seed))
	v := make([]int64, n*opt.Extra)
	for i := range v {
		v[i] = r.Int64N(100000)
	}
	return v
}

// extra returns the extra quantities of sub-district i.
func (g *gen) extra(i int) []int64 {
	if len(g.extras) == 0 {
		return nil
	}
	k := len(g.extras) / len(g.subs)
	return g.extras[i*k : (i+1)*k]
}

// writeCSV writes the sub-districts in the CSV shape `caili template`
// writes (UTF-8 with a BOM, CRLF, one header row of column ids: id, name,
// performance, adjustment, the quantities, staff.X and payroll.X).
func (g *gen) writeCSV(w *bufio.Writer) {
	w.WriteString("\ufeffid,name,performance,adjustment")
	for _, q := range quantities {
		w.WriteString("," + q.name)
	}
	w.WriteString(",tax_revenue,tax_revenue_prev,last_year_total")
	for k := range len(g.extras) / max(1, len(g.subs)) {
		w.WriteString("," + extraName(k))
	}
	for _, c := range g.staff {
		w.WriteString(",staff." + c.id)
	}
	for _, c := range g.staff {
		w.WriteString(",payroll." + c.id)
	}
	w.WriteString("\r\n")
	for i := range g.subs {
		s := &g.subs[i]
		adj := ""
		if s.adjust {
			adj = "1.05"
		}
		fmt.Fprintf(w, "%s,%s,%s,%s", s.id, s.name, s.rating, adj)
		for k, q := range quantities {
			w.WriteString("," + decimal(s.q[k], q.scale))
		}
		fmt.Fprintf(w, ",%d,%d,%d", s.tax, s.prev, s.lastYear)
		for _, v := range g.extra(i) {
			fmt.Fprintf(w, ",%d", v)
		}
		for k := range g.staff {
			fmt.Fprintf(w, ",%d", s.heads[k])
		}
		for k := range g.staff {
			w.WriteString(",")
			if k == s.payrollCat {
				fmt.Fprintf(w, "%d", s.payroll)
			}
		}
		w.WriteString("\r\n")
	}
}
