package main

import (
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// unitFlag is --unit 元|万元: the unit calc's and compare's table and CSV
// show amounts in (issue 24 §3). JSON's amounts stay in 元.
type unitFlag struct{ unit report.Unit }

// String is the unit's name.
func (u *unitFlag) String() string {
	if u != nil && u.unit == report.UnitWan {
		return msg.UnitWan.In(msg.Zh)
	}
	return msg.UnitYuan.In(msg.Zh)
}

// Set reads 元 (yuan) or 万元 (wan).
func (u *unitFlag) Set(s string) error {
	v, ok := report.ParseUnit(s)
	if !ok {
		return usageChoice("--unit", report.UnitNames(), s)
	}
	u.unit = v
	return nil
}

// register registers --unit.
func (u *unitFlag) register(fs *flagSet) { fs.Var(u, "unit", msg.FlagUnit) }

// wan reports whether amounts are to be shown in 万元.
func (u *unitFlag) wan() bool { return u.unit == report.UnitWan }

// check refuses 万元 with a format whose amounts are always 元.
func (u *unitFlag) check(format string) error {
	if u.wan() && format != "table" && format != "csv" {
		return usagef(msg.CmdUnitJSON)
	}
	return nil
}

// compareDoc is the comparison document, in 万元 when wan.
func compareDoc(c report.Comparison, wan bool) (*report.CompareJSON, error) {
	if wan {
		return report.NewCompareWan(c)
	}
	return report.NewCompare(c), nil
}
