package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/internal/store/sqlite"
)

// caili execution import|report (双监控, docs/year-data.md): a budget
// system's execution export is read against the plan and recorded in the
// data folder's database; the report shows each line's execution rate by
// month, the warnings of the plan's [[execution_rule]] and the year's
// counts.

const executionUsage = `  caili execution import --plan F [--id ID] [--columns F.toml] [--data DIR] FILE.csv|FILE.xlsx
  caili execution report --plan F [--id ID] [--month N] [--format table|csv|json] [--out F] [--data DIR]`

// maxExecutionFile bounds an execution file read from disk.
const maxExecutionFile = 16 << 20

// cmdExecution dispatches caili execution <sub>.
func cmdExecution(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		subUsage(stdout, executionUsage)
		return nil
	}
	if len(args) == 0 {
		subUsage(stderr, executionUsage)
		return usagef(msg.CmdWhich, "execution", "import, report")
	}
	fs := newFlagSet("execution "+args[0], stderr)
	file := fs.String("plan", "", msg.FlagPlan)
	id := fs.String("id", "", msg.FlagPlanID)
	who := cliActor()
	switch args[0] {
	case "import":
		columns := fs.String("columns", "", msg.FlagExecColumns, execution.MappingFile)
		return withStore(ctx, fs, args[1:], 1, func(st *sqlite.Store, a []string) error {
			v, err := app.LoadPlanFile(planID(*id, *file), *file, st)
			if err != nil {
				return err
			}
			m, err := columnsOf(*columns, *file)
			if err != nil {
				return err
			}
			data, _, err := safefile.Read(a[0], maxExecutionFile)
			if err != nil {
				return err
			}
			imp, err := app.ImportExecutionIn(ctx, st, who, v, m, a[0], data)
			if err != nil {
				return err
			}
			return say(stdout, msg.ExecImported, imp.N, imp.Rows, imp.File)
		})
	case "report":
		month := fs.Int("month", 0, msg.FlagExecMonth)
		format := fs.String("format", "table", msg.FlagExecFormat)
		out := fs.String("out", "", msg.FlagOut)
		return withStore(ctx, fs, args[1:], 0, func(st *sqlite.Store, _ []string) error {
			if *format != "table" && *format != "csv" && *format != "json" {
				return usageChoice("--format", []string{"table", "csv", "json"}, *format)
			}
			v, err := app.LoadPlanFile(planID(*id, *file), *file, st)
			if err != nil {
				return err
			}
			p, err := v.Doc.Plan()
			if err != nil {
				return err
			}
			r, err := app.ExecutionOf(ctx, st, who, v.ID, p, nil)
			if err != nil {
				return err
			}
			text, err := executionText(r, *format, *month, langOf(stdout))
			if err != nil {
				return err
			}
			if *out == "" {
				_, err = stdout.Write(text)
				return err
			}
			return atomicfile.Replace(*out, text, 0o644)
		})
	}
	subUsage(stderr, executionUsage)
	return usagef(msg.CmdUnknownSub, "execution", args[0])
}

// columnsOf is the mapping --columns names, else the one beside the plan.
func columnsOf(columns, planFile string) (execution.Mapping, error) {
	if columns == "" {
		return app.ExecutionMapping(planFile)
	}
	data, _, err := safefile.Read(columns, 1<<20)
	if err != nil {
		return execution.Mapping{}, err
	}
	m, ps := execution.ReadMapping(columns, data)
	if len(ps) > 0 {
		return m, msg.WithProblems(app.Say(domain.KindBadRequest, msg.ExecMappingBad, columns), ps)
	}
	return m, nil
}

// executionText renders a report in a format.
func executionText(r *execution.Report, format string, month int, l msg.Lang) ([]byte, error) {
	switch format {
	case "csv":
		return r.CSV(l)
	case "json":
		b, err := json.MarshalIndent(r.ToJSON(l), "", "  ")
		return append(b, '\n'), err
	}
	var b strings.Builder
	if r.Last == 0 {
		b.WriteString(msg.ExecNoData.In(l, r.Year) + "\n")
		return []byte(b.String()), nil
	}
	writeAligned(&b, r.Table(l, month))
	for _, w := range r.Warnings {
		b.WriteString("! " + w.Text(l) + "\n")
	}
	c := r.Counts
	fmt.Fprintln(&b, msg.ExecCounts.In(l, c.Lines, c.AsApproved, execution.Percent(c.Share(c.AsApproved)),
		c.Adjusted, execution.Percent(c.Share(c.Adjusted)), c.NotExecuted))
	return []byte(b.String()), nil
}

// writeAligned writes rows as columns aligned by display width (a
// Chinese character is two columns), numbers to the right.
func writeAligned(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			if i < 2 {
				b.WriteString(runewidth.FillRight(c, widths[i]))
			} else {
				b.WriteString(runewidth.FillLeft(c, widths[i]))
			}
		}
		b.WriteString("\n")
	}
}
