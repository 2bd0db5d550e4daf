package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/checkxlsx"
)

// streamGCPercent is the garbage collector's target while calc writes a
// JSON result: the heap grows 70 % over what is live (the result), not
// the default 100 %.
const streamGCPercent = 70

// formatCheckXLSX is calc's --format of the 复核 workbook
// (docs/check-workbook.md).
const formatCheckXLSX = "check-xlsx"

// outFlags are --format and --out.
type outFlags struct {
	format   string
	out      string
	encoding string
	stamp    bool   // --stamp: the stamp as a title row of the CSV
	header   string // --header id|zh: the CSV's column names
}

// register registers the output flags; doc describes --format, with
// the formats the command writes.
func (o *outFlags) register(fs *flagSet, doc msg.Message, formats string) {
	fs.StringVar(&o.format, "format", "table", doc, formats)
	fs.StringVar(&o.out, "out", "", msg.FlagOut)
	fs.StringVar(&o.header, "header", "id", msg.FlagHeader)
	fs.BoolVar(&o.stamp, "stamp", false, msg.FlagStamp)
	fs.StringVar(&o.encoding, "encoding", "utf-8", msg.FlagEncoding)
}

// csv are the CSV options the flags ask for.
func (o *outFlags) csv() report.CSVOptions {
	return report.CSVOptions{GB18030: strings.EqualFold(o.encoding, "gb18030") || strings.EqualFold(o.encoding, "gbk"), ZH: o.header == "zh"}
}

// csvOf is csv with, under --stamp, the title row saying what the result
// of plan p is.
func (o *outFlags) csvOf(p *formula.Plan, st *report.Stamp) report.CSVOptions {
	opts := o.csv()
	if o.stamp {
		opts.Title = p.Name + " | " + st.Title()
	}
	return opts
}

func (o *outFlags) check() error {
	switch strings.ToLower(o.encoding) {
	case "utf-8", "utf8":
	case "gb18030", "gbk":
		if o.format != "csv" {
			return usagef(msg.CmdEncodingCSV, o.encoding)
		}
	default:
		return usageChoice("--encoding", []string{"utf-8", "gb18030"}, o.encoding)
	}
	if o.header != "id" && o.header != "zh" {
		return usageChoice("--header", []string{"id", "zh"}, o.header)
	}
	switch o.format {
	case "table", "csv", "json":
		return nil
	case formatCheckXLSX:
		if o.out == "" {
			return usagef(msg.CmdCheckNeedsOut)
		}
		return nil
	}
	return usageChoice("--format", []string{"table", "csv", "json", formatCheckXLSX}, o.format)
}

// emit writes the finished output, to --out atomically (streamed into a
// temporary file renamed into place when complete) or to stdout (rendered
// in full before anything is written), so a failure never leaves half a
// file. --out only ever replaces a regular file, in a folder that exists:
// a device, a FIFO, a link or a folder of that name is refused (exit
// status 1) and left as it was. A failure to render is returned as it is.
func (o *outFlags) emit(stdout io.Writer, render func(io.Writer) error) error {
	if o.out != "" {
		var rerr error
		err := atomicfile.ReplaceWith(o.out, 0o644, func(w io.Writer) error {
			rerr = render(w)
			return rerr
		})
		switch {
		case rerr != nil:
			return rerr
		case err != nil:
			return fmt.Errorf("--out: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	_, err := stdout.Write(buf.Bytes())
	return err
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
	of.register(fs, msg.FlagFormatCheck, "table|csv|json|check-xlsx")
	by := fs.String("by", "", msg.FlagByCode)
	var unit unitFlag
	unit.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := of.check(); err != nil {
		return err
	}
	if err := unit.check(of.format); err != nil || (unit.wan() && *by != "") {
		return cmp.Or(err, usagef(msg.CmdUnitJSON))
	}
	if *by != "" {
		return calcByCode(&pf, &of, *by, stdout)
	}
	eval := pf.computeTotals // the table, as CSV or for a terminal, shows no lines
	if of.format == "json" || of.format == formatCheckXLSX {
		eval = pf.compute
	}
	res, err := eval()
	if err != nil {
		return err
	}
	if err := pf.compareWithBase(res); err != nil {
		return err
	}
	if of.format != "json" { // JSON carries its warnings
		sayWarnings(stderr, res)
	}
	return of.emit(stdout, func(w io.Writer) error {
		switch {
		case unit.wan() && of.format == "csv":
			return report.WriteCSVWan(w, res, of.csvOf(res.Plan, pf.stamp))
		case unit.wan():
			return report.WriteTableWan(w, res, pf.stamp)
		}
		switch of.format {
		case "csv":
			return report.WriteCSV(w, res, of.csvOf(res.Plan, pf.stamp))
		case "json":
			// The lines' text is garbage as soon as it is written, made
			// by several goroutines at once (report's parallel stream):
			// collect it sooner, so that the stream's peak stays near
			// the calculation's (docs/performance.md).
			defer debug.SetGCPercent(debug.SetGCPercent(streamGCPercent))
			return report.WriteJSONStamped(w, res, pf.stamp)
		case formatCheckXLSX:
			return checkxlsx.Write(w, res)
		}
		return report.WriteTableStamped(w, res, pf.stamp)
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
	if err := pf.compareWithBase(res); err != nil {
		return err
	}
	p := res.Plan
	var name any = pf.plan
	if pf.plan == "" {
		name = msg.OutSamplePlan
	}
	f := numfmt.NewFmt(res)
	if err := say(stdout, msg.OutValidate, name, p.Name, len(p.Subdistricts), len(p.Staff), len(p.Quotas), len(p.Projects), len(p.Factors),
		numfmt.Group(f.Amount(res.Capacity)), keptBack(res, f)); err != nil {
		return err
	}
	sayWarnings(stdout, res)
	return nil
}

// sayWarnings writes a result's warnings (formula.Result.Warnings), one a
// line, in w's language.
func sayWarnings(w io.Writer, res *formula.Result) {
	for _, x := range res.Warnings() {
		say(w, msg.OutWarning, x.Says)
	}
}

// keptBack says whether all of capacity went to the 街道 and the reserve
// (全部分配), or how much is not the 街道's and where it is: the
// performance reserve, the damping reserve, the district pool and the
// district-managed projects (rules §6).
func keptBack(res *formula.Result, f numfmt.Fmt) any {
	var parts wordsList
	kept := decimal.Zero
	for _, x := range []struct {
		m msg.Message
		v decimal.Decimal
	}{{msg.OutKeptPerformance, res.PerformanceReserve}, {msg.OutKeptDamping, res.DampingReserve}, {msg.OutKeptPool, res.DistrictPool},
		{msg.OutKeptManaged, res.DistrictManaged}} {
		if x.v.IsPositive() {
			kept = kept.Add(x.v)
			parts = append(parts, x.m.Words(numfmt.Group(f.Amount(x.v))))
		}
	}
	if kept.IsZero() {
		return msg.OutAllocatedInFull
	}
	share := kept.Mul(decimal.NewFromInt(100)).DivRound(res.Capacity, 2).StringFixed(2)
	return msg.OutKeptBack.Words(numfmt.Group(f.Amount(kept)), share, parts)
}

// wordsList is a list of messages said as one argument, each in the
// message's language, joined as msg.List joins.
type wordsList []formula.Words

// In says the list in l.
func (w wordsList) In(l msg.Lang) string {
	out := make([]string, len(w))
	for i, x := range w {
		out[i] = msg.Say(l, x)
	}
	return msg.List(out).In(l)
}

func cmdExplain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("explain", stderr)
	var pf planFlags
	var af attrFlags
	var id, format string
	pf.register(fs, true)
	af.register(fs)
	fs.StringVar(&id, "subdistrict", "", msg.FlagExplainSub)
	fs.StringVar(&format, "format", "text", msg.FlagFormat, "text|json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if id == "" {
		return usagef(msg.CmdExplainNeedsSub)
	}
	if format != "text" && format != "json" {
		return usageChoice("--format", []string{"text", "json"}, format)
	}
	if format == "json" && (af.attribute || af.against != "") {
		return usagef(msg.CmdExplainAttrText)
	}
	why, err := af.explainSentence(&pf, id)
	if err != nil {
		return err
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
		return report.EncodeJSON(stdout, report.NewSubdistrict(res, a, true))
	}
	if err := report.WriteExplain(stdout, res, a); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, why)
	return err
}

func cmdCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compare", stderr)
	var pf planFlags
	var of outFlags
	var af attrFlags
	pf.register(fs, true)
	of.register(fs, msg.FlagFormat, "table|csv|json|xlsx")
	af.register(fs)
	var unit unitFlag
	unit.register(fs)
	var sl scenarioList
	sl.register(fs, &pf)
	if err := parse(fs, args); err != nil {
		return err
	}
	if sl.sideBySide(of.format) { // compare_scenarios.go
		return compareScenarios(stdout, &pf, &of, &af, &unit, sl.names)
	}
	if err := of.check(); err != nil {
		return err
	}
	if err := unit.check(of.format); err != nil {
		return err
	}
	if of.format == formatCheckXLSX {
		return usagef(msg.CmdCompareFormat)
	}
	by, err := af.check(&pf, "compare")
	if err != nil {
		return err
	}
	b, s, attr, err := af.compare(&pf, by)
	if err != nil {
		return err
	}
	doc, err := compareDoc(report.Comparison{Base: b, Scenario: s}, unit.wan())
	if err != nil {
		return err
	}
	doc.Attribution = attr
	if af.against != "" { // named for the plan compared, not the one compared with
		doc.Plan, doc.FiscalYear = s.Plan.Name, s.Plan.FiscalYear
	}
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
