package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report/xlsx"
)

// cmdReport writes a document of the result; its one table so far is
// renda, the 人大 table (街道财力安排表, issue 24 §5).
func cmdReport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "renda" {
		if len(args) > 0 && isHelp(args[0]) {
			return say(stdout, msg.CmdReportUsage)
		}
		return usagef(msg.CmdReportUsage)
	}
	fs := newFlagSet("report renda", stderr)
	var pf planFlags
	pf.register(fs, true)
	out := fs.String("out", "", msg.FlagRendaOut)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		return usagef(msg.CmdRendaNeedsOut)
	}
	res, err := pf.computeTotals()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xlsx.WriteRenda(&buf, res, pf.stamp); err != nil {
		return err
	}
	if err := atomicfile.Replace(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}
