package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
)

// outFlags are --format and --out.
type outFlags struct {
	format   string
	out      string
	encoding string
}

func (o *outFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "table", "output format: table, csv or json")
	fs.StringVar(&o.out, "out", "", "write to this file instead of standard output")
	fs.StringVar(&o.encoding, "encoding", "utf-8", "CSV 的编码:utf-8(带 BOM)或 gb18030(旧版 Excel、WPS) (CSV encoding: utf-8 with a BOM, or gb18030)")
}

// csv are the CSV options the flags ask for.
func (o *outFlags) csv() report.CSVOptions {
	return report.CSVOptions{GB18030: strings.EqualFold(o.encoding, "gb18030") || strings.EqualFold(o.encoding, "gbk")}
}

func (o *outFlags) check() error {
	switch strings.ToLower(o.encoding) {
	case "utf-8", "utf8":
	case "gb18030", "gbk":
		if o.format != "csv" {
			return usagef("--encoding %s 只用于 --format csv (--encoding applies to CSV only)", o.encoding)
		}
	default:
		return usagef("--encoding 须为 utf-8 或 gb18030 (--encoding must be utf-8 or gb18030; got %q)", o.encoding)
	}
	switch o.format {
	case "table", "csv", "json":
		return nil
	}
	return usagef("--format must be table, csv or json (got %q)", o.format)
}

// emit writes the finished output, to --out atomically (a temporary file
// renamed into place) or to stdout. Output is rendered in full before
// anything is written, so a failure never leaves half a file. --out only
// ever replaces a regular file, in a folder that exists: a device, a FIFO,
// a link or a folder of that name is refused (exit status 1) and left as
// it was.
func (o *outFlags) emit(stdout io.Writer, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if o.out == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.Replace(o.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// computeTotals is compute without the lines that explain each amount
// (formula.Model.EvaluateTotals: the same amounts and errors), for the
// outputs that show only components and totals. On a large plan the lines
// are most of a result's memory.
//
// The model (pf.model) collects garbage once, between decoding and
// converting: the TOML decoder's tree of the file is garbage by then
// (about 2.5 times the document it leaves), but the collector paced itself
// on it and would let conversion and evaluation grow the heap to twice its
// size before the next collection. Collected there, they reuse the
// decoder's memory, and the command's peak is the decoder's
// (cmd/plangen/bench.sh; 10,000 sub-districts: about 1.3× decoding alone
// without it, 1.1× with it). It costs one collection of the document:
// under 0.1 s on that plan.
func (pf *planFlags) computeTotals() (*formula.Result, error) {
	m, err := pf.model()
	if err != nil {
		return nil, err
	}
	return m.EvaluateTotals()
}

func cmdCalc(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("calc", stderr)
	var pf planFlags
	var of outFlags
	pf.register(fs, true)
	of.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := of.check(); err != nil {
		return err
	}
	eval := pf.computeTotals // the table, as CSV or for a terminal, shows no lines
	if of.format == "json" {
		eval = pf.compute
	}
	res, err := eval()
	if err != nil {
		return err
	}
	return of.emit(stdout, func(w io.Writer) error {
		switch of.format {
		case "csv":
			return report.WriteCSV(w, res, of.csv())
		case "json":
			return report.WriteJSON(w, res)
		}
		return report.WriteTable(w, res)
	})
}

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", stderr)
	var pf planFlags
	pf.register(fs, true)
	if err := parse(fs, args); err != nil {
		return err
	}
	res, err := pf.computeTotals()
	if err != nil {
		return err
	}
	p := res.Plan
	name := pf.plan
	if name == "" {
		name = "sample plan"
	}
	_, err = fmt.Fprintf(stdout, "%s: ok — %s, %d sub-districts, %d staff categories, %d quotas, %d projects, %d factors; capacity %s 元 allocated in full\n",
		name, p.Name, len(p.Subdistricts), len(p.Staff), len(p.Quotas), len(p.Projects), len(p.Factors), numfmt.Group(numfmt.NewFmt(res).Amount(res.Capacity)))
	return err
}

func cmdExplain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("explain", stderr)
	var pf planFlags
	var id, format string
	pf.register(fs, true)
	fs.StringVar(&id, "subdistrict", "", "要说明的街道:编码或名称 (the sub-district to explain: its id or name, e.g. desheng or 德胜街道)")
	fs.StringVar(&format, "format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if id == "" {
		return usagef("explain needs --subdistrict ID or name (街道编码或名称, e.g. desheng or 德胜街道)")
	}
	if format != "text" && format != "json" {
		return usagef("--format must be text or json (got %q)", format)
	}
	res, err := pf.compute()
	if err != nil {
		return err
	}
	a, err := app.FindSubdistrict("", res, id)
	if err != nil {
		return err
	}
	if format == "json" {
		return report.EncodeJSON(stdout, report.NewSubdistrict(numfmt.NewFmt(res), a, true))
	}
	return report.WriteExplain(stdout, res, a)
}

func cmdCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compare", stderr)
	var pf planFlags
	var of outFlags
	pf.register(fs, true)
	of.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := of.check(); err != nil {
		return err
	}
	if pf.scenario == "" && len(pf.sets) == 0 {
		return usagef("compare needs --scenario F or --set path=value")
	}
	base := planFlags{plan: pf.plan}
	b, err := base.computeTotals() // a comparison shows no lines
	if err != nil {
		return err
	}
	s, err := pf.computeTotals()
	if err != nil {
		return err
	}
	doc := report.NewCompare(report.Comparison{Base: b, Scenario: s})
	return of.emit(stdout, func(w io.Writer) error {
		switch of.format {
		case "csv":
			return report.WriteCompareCSV(w, doc, of.csv())
		case "json":
			return report.EncodeJSON(w, doc)
		}
		return report.WriteCompareTable(w, doc)
	})
}
