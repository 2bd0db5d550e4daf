package main

import (
	"context"
	"io"
	"strings"

	"github.com/caili/caili/internal/analysis"
	"github.com/caili/caili/internal/msg"
	"github.com/shopspring/decimal"
)

// cmdSolve is `caili solve`: goal-seek one numeric path of the plan
// (internal/analysis.Solve).
func cmdSolve(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("solve", stderr)
	var pf planFlags
	var of outFlags
	pf.register(fs, true)
	of.register(fs)
	target := fs.String("target", "", "target: min_capacity, accepted, or e.g. 'subdistrict.desheng.total>=200000000', 'tier.A.demand<=cap'")
	vary := fs.String("vary", "plan.capacity", "the numeric override path varied, e.g. project.vector_control.unit_cost")
	find := fs.String("find", "", "min or max: which end of the values meeting the target (default: whichever side the boundary is on)")
	precision := fs.String("precision", "", "the step of the answer (default: the rounding unit for plan.capacity, else 0.01)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if of.format == "csv" {
		return usagef(msg.CmdSolveFormat, of.format)
	}
	if err := of.check(); err != nil {
		return err
	}
	if *target == "" {
		return usagef(msg.CmdSolveTarget)
	}
	unit := decimal.Zero
	if *precision != "" {
		var err error
		if unit, err = decimal.NewFromString(*precision); err != nil {
			return usagef(msg.CmdPrecision, *precision)
		}
	}
	doc, err := pf.load()
	if err != nil {
		return err
	}
	ovs, err := pf.overrides()
	if err != nil {
		return err
	}
	sol, err := analysis.Solve(context.Background(), doc, analysis.SolveRequest{
		Target: *target, Vary: *vary, Find: analysis.Find(*find), Unit: unit, Base: ovs})
	if err != nil {
		return err
	}
	return of.emit(stdout, func(w io.Writer) error {
		if of.format == "json" {
			return analysis.WriteJSON(w, sol)
		}
		return analysis.WriteSolutionTable(w, sol)
	})
}

// cmdSensitivity is `caili sensitivity`: every lever of the plan moved by
// ±step (internal/analysis.Sensitivity).
func cmdSensitivity(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("sensitivity", stderr)
	var pf planFlags
	var of outFlags
	pf.register(fs, true)
	of.register(fs)
	stepText := fs.String("step", "10%", "the relative step: 10% or 0.1")
	sub := fs.String("subdistrict", "", "rank the levers by this sub-district's total (id or name)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := of.check(); err != nil {
		return err
	}
	step, err := analysis.ParseStep(strings.TrimSpace(*stepText))
	if err != nil {
		return usageOf("--step", err)
	}
	doc, err := pf.load()
	if err != nil {
		return err
	}
	ovs, err := pf.overrides()
	if err != nil {
		return err
	}
	rep, err := analysis.Sensitivity(context.Background(), doc, analysis.SensitivityRequest{Step: step, Subdistrict: *sub, Base: ovs})
	if err != nil {
		return err
	}
	return of.emit(stdout, func(w io.Writer) error {
		switch of.format {
		case "csv":
			return analysis.WriteSensitivityCSV(w, rep, true)
		case "json":
			return analysis.WriteJSON(w, rep)
		}
		return analysis.WriteSensitivityTable(w, rep)
	})
}
