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
	of.register(fs, msg.FlagFormat, "table|json")
	target := fs.String("target", "", msg.FlagTarget)
	vary := fs.String("vary", "plan.capacity", msg.FlagVary)
	find := fs.String("find", "", msg.FlagFind)
	precision := fs.String("precision", "", msg.FlagPrecision)
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
	of.register(fs, msg.FlagFormat, "table|csv|json")
	stepText := fs.String("step", "10%", msg.FlagStep)
	sub := fs.String("subdistrict", "", msg.FlagSensSub)
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
