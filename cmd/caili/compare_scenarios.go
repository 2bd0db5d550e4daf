package main

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
)

// Scenarios side by side (issue 24 §6): compare's --scenario may be
// repeated; with more than one (or with --format xlsx) each scenario is
// compared with the plan as written on its own, exactly as
// `caili compare --scenario X` does, and the comparisons are set side by
// side (report.NewScenarios). --set applies to every scenario.

// maxScenarios is the most scenarios compare sets side by side.
const maxScenarios = 8

// scenarioList is compare's --scenario, which may be repeated. The last
// one given is also planFlags.scenario, so that the single form is the
// flag it always was.
type scenarioList struct {
	names []string
	pf    *planFlags
}

// String is the scenarios, comma-separated.
func (l *scenarioList) String() string {
	if l == nil {
		return ""
	}
	return strings.Join(l.names, ",")
}

// Set adds a scenario.
func (l *scenarioList) Set(s string) error {
	l.names = append(l.names, s)
	l.pf.scenario = s
	return nil
}

// register makes the --scenario that pf registered repeatable, described
// as such.
func (l *scenarioList) register(fs *flagSet, pf *planFlags) {
	l.pf = pf
	fl := fs.Lookup("scenario")
	fl.Value = &checkedValue{Value: l, set: fs, name: "scenario"}
	fs.docs["scenario"] = flagDoc{m: msg.FlagScenarios}
}

// sideBySide reports whether the command sets scenarios side by side.
func (l *scenarioList) sideBySide(format string) bool {
	return len(l.names) > 1 || format == formatXLSX
}

// formatXLSX is compare's --format xlsx (scenarios side by side).
const formatXLSX = "xlsx"

// scenarioLabel is how a scenario heads its column group: its name as
// given, without a folder or .toml.
func scenarioLabel(name string) string {
	return strings.TrimSuffix(filepath.Base(name), ".toml")
}

// compareScenarios is compare with several scenarios side by side.
func compareScenarios(stdout io.Writer, pf *planFlags, of *outFlags, af *attrFlags, unit *unitFlag, names []string) error {
	if af.attribute || af.against != "" || af.by != "auto" {
		return usagef(msg.CmdScenariosAlone)
	}
	if len(names) > maxScenarios {
		return usagef(msg.CmdScenariosTooMany, maxScenarios)
	}
	checked := *of
	if of.format == formatXLSX {
		if of.out == "" {
			return usagef(msg.CmdScenariosNeedsOut)
		}
		checked.format = "table" // as for a table: no encoding, no header choice matters
	}
	if err := checked.check(); err != nil {
		return err
	}
	if checked.format == formatCheckXLSX {
		return usagef(msg.CmdCompareFormat)
	}
	if err := unit.check(checked.format); err != nil {
		return err
	}
	if len(names) == 0 { // --format xlsx of --set alone
		if len(pf.sets) == 0 {
			return usagef(msg.CmdNeedsWhatIf, "compare")
		}
		names = []string{""}
	}
	base := planFlags{plan: pf.plan} // as compare: the plan as written
	b, err := base.computeTotals()
	if err != nil {
		return err
	}
	docs := make([]*report.CompareJSON, len(names))
	labels := make([]string, len(names))
	for i, name := range names {
		p := planFlags{plan: pf.plan, data: pf.data, scenario: name, sets: pf.sets}
		s, err := p.computeTotals()
		if err != nil {
			return err
		}
		if docs[i], err = compareDoc(report.Comparison{Base: b, Scenario: s}, unit.wan()); err != nil {
			return err
		}
		labels[i] = scenarioLabel(name)
		if name == "" {
			labels[i] = msg.RepScenario.In(msg.Zh)
		}
	}
	doc, err := report.NewScenarios(labels, docs)
	if err != nil {
		return err
	}
	return of.emit(stdout, func(w io.Writer) error {
		switch of.format {
		case "csv":
			return report.WriteScenariosCSV(w, doc, of.csv())
		case "json":
			return report.EncodeJSON(w, doc)
		case formatXLSX:
			return xlsx.WriteScenarios(w, doc, nil)
		}
		return report.WriteScenariosTable(w, doc)
	})
}
