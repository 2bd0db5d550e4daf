// Package twin is the float64 twin of caili's engine: a benchmark tool,
// not a calculator. It reads a plan of the shape standards/plangen writes
// (the TOML with its [[subdistrict]] tables, or with `[plan] data`
// naming a CSV of the shape `caili template` writes), runs the stages of
// docs/rules.md §3 in float64 arithmetic with none of caili's checks,
// lines, explanations or exact numbers, and writes the allocation table as
// CSV. It does, with the same TOML decoder, the least work a program
// giving that table could do, so bench.sh sets caili's time and memory
// beside it (issue 25 §6): the ratio is what exactness, validation and
// explanations cost.
//
// Its amounts agree with caili's to within a few units where float64
// rounding or a tie in the largest remainder differs; its results are
// never used. Rules it does not implement (demote, transfers, ratings of
// projects, floor_keeps_rating, exclude, reserve mode) are ignored.
package twin

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// plan is the part of a plan file the twin reads.
type plan struct {
	Plan struct {
		Capacity     string `toml:"capacity"`
		RoundingUnit string `toml:"rounding_unit"`
		ReserveRate  string `toml:"reserve_rate"`
		Data         string `toml:"data"`
	} `toml:"plan"`
	Staff []struct {
		ID         string `toml:"id"`
		AnnualPay  string `toml:"annual_pay"`
		OncostRate string `toml:"oncost_rate"`
	} `toml:"staff"`
	Quota []struct {
		ID    string   `toml:"id"`
		Rate  string   `toml:"rate"`
		Basis []string `toml:"basis"`
	} `toml:"quota"`
	Project []struct {
		ID       string   `toml:"id"`
		UnitCost string   `toml:"unit_cost"`
		Basis    []string `toml:"basis"`
		Tier     string   `toml:"tier"`
	} `toml:"project"`
	Tiers map[string]struct {
		MaxShare string `toml:"max_share"`
	} `toml:"tiers"`
	Factor []struct {
		Weight    string `toml:"weight"`
		Indicator []struct {
			Quantity string `toml:"quantity"`
			Weight   string `toml:"weight"`
		} `toml:"indicator"`
	} `toml:"factor"`
	Performance struct {
		Coefficients map[string]string `toml:"coefficients"`
	} `toml:"performance"`
	Incentive *struct {
		Rate     string `toml:"rate"`
		Current  string `toml:"current"`
		Previous string `toml:"previous"`
		Budget   string `toml:"budget"`
	} `toml:"incentive"`
	Damping *struct {
		Baseline string `toml:"baseline"`
		Floor    string `toml:"floor"`
		Ceiling  string `toml:"ceiling"`
	} `toml:"damping"`
	Subdistrict []struct {
		ID          string         `toml:"id"`
		Name        string         `toml:"name"`
		Performance string         `toml:"performance"`
		Adjustment  string         `toml:"adjustment"`
		Staff       map[string]any `toml:"staff"`
		Payroll     map[string]any `toml:"payroll"`
		Quantities  map[string]any `toml:"quantities"`
	} `toml:"subdistrict"`
}

// sub is one sub-district as the stages read it.
type sub struct {
	id, name, rating string
	adjustment       float64
	staff, payroll   map[string]float64 // payroll: only where given
	q                map[string]float64
}

// Run reads the plan at path (and its data file, if it names one),
// computes the allocation and writes the table as CSV to w, the total
// row labelled totalName.
func Run(path string, w io.Writer, totalName string) error {
	var p plan
	if _, err := toml.DecodeFile(path, &p); err != nil {
		return fmt.Errorf("twin: %w", err)
	}
	subs, err := subdistricts(&p, filepath.Dir(path))
	if err != nil {
		return err
	}
	rows, err := calculate(&p, subs)
	if err != nil {
		return err
	}
	return writeTable(w, subs, rows, num(p.Plan.RoundingUnit, 1), totalName)
}

// num reads a decimal as written (a string, an integer or a float), or
// def when it is empty.
func num(v any, def float64) float64 {
	switch x := v.(type) {
	case string:
		if x == "" {
			return def
		}
		f, _ := strconv.ParseFloat(x, 64)
		return f
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return def
}

// floats converts a decoded table of numbers.
func floats(m map[string]any) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[k] = num(v, 0)
	}
	return out
}

// subdistricts returns the plan's sub-districts, from its tables or its
// CSV data file (in dir).
func subdistricts(p *plan, dir string) ([]sub, error) {
	if p.Plan.Data != "" {
		return readCSV(filepath.Join(dir, p.Plan.Data))
	}
	out := make([]sub, len(p.Subdistrict))
	for i, s := range p.Subdistrict {
		out[i] = sub{id: s.ID, name: s.Name, rating: s.Performance, adjustment: num(s.Adjustment, 1),
			staff: floats(s.Staff), payroll: floats(s.Payroll), q: floats(s.Quantities)}
	}
	return out, nil
}

// readCSV reads sub-districts from a CSV with a header row of column ids.
func readCSV(path string) ([]sub, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("twin: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("twin: %s: %w", path, err)
	}
	cols := append([]string(nil), head...)
	cols[0] = strings.TrimPrefix(cols[0], "\ufeff")
	var out []sub
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("twin: %s: %w", path, err)
		}
		s := sub{adjustment: 1, staff: map[string]float64{}, payroll: map[string]float64{}, q: make(map[string]float64, len(cols))}
		for k, c := range rec {
			switch name := cols[k]; {
			case name == "id":
				s.id = c
			case name == "name":
				s.name = c
			case name == "performance":
				s.rating = c
			case name == "adjustment":
				s.adjustment = num(c, 1)
			case c == "":
			case strings.HasPrefix(name, "staff."):
				s.staff[name[len("staff."):]] = num(c, 0)
			case strings.HasPrefix(name, "payroll."):
				s.payroll[name[len("payroll."):]] = num(c, 0)
			default:
				s.q[name] = num(c, 0)
			}
		}
		out = append(out, s)
	}
}

// writeTable writes the allocation table as caili's CSV does: a BOM, CRLF,
// the header, a row a sub-district and a totals row.
func writeTable(w io.Writer, subs []sub, rows [][components]float64, u float64, totalName string) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("\ufeffid,name,personnel,public,projects,incentive,block,damping,total\r\n")
	var sum [components]float64
	line := func(id, name string, r [components]float64) {
		bw.WriteString(id + "," + name)
		var t float64
		for _, x := range r {
			t += x
		}
		for _, x := range append(r[:], t) {
			bw.WriteString("," + strconv.FormatFloat(math.Round(x/u)*u, 'f', decimals(u), 64))
		}
		bw.WriteString("\r\n")
	}
	for i, r := range rows {
		line(subs[i].id, subs[i].name, r)
		for k := range r {
			sum[k] += r[k]
		}
	}
	line("total", totalName, sum)
	return bw.Flush()
}

// decimals is how many decimals an amount in units of u shows.
func decimals(u float64) int {
	switch {
	case u < 0.1:
		return 2
	case u < 1:
		return 1
	}
	return 0
}
