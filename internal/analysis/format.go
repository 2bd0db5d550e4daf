package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/numfmt"
)

// The formats of a goal-seek's answer and a sensitivity sweep: a table
// for a terminal, CSV for Excel (UTF-8 with a BOM, CRLF) and JSON.

// WriteJSON writes v (a *Solution or a *Report) as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // targets read tier.A.demand<=cap, not \u003c=
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("analysis json: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteSolutionTable writes a goal-seek's answer for a person: the value,
// and the checks at the answer, one unit beyond it and one unit inside.
func WriteSolutionTable(w io.Writer, s *Solution) error {
	var b bytes.Buffer
	end := msg.AnaSmallest.In(msg.Zh)
	if s.Find == FindMax {
		end = msg.AnaLargest.In(msg.Zh)
	}
	fmt.Fprintln(&b, msg.AnaTarget.In(msg.Zh, s.Target))
	fmt.Fprintln(&b, msg.AnaVary.In(msg.Zh, s.Vary, s.Original, s.Unit))
	fmt.Fprintln(&b, msg.AnaAnswer.In(msg.Zh, s.Vary, group(s.Answer.Value), end))
	rows := [][]string{zh(msg.AnaCheck, msg.AnaValue, msg.AnaHolds, msg.AnaLeft, msg.AnaRight, msg.AnaNote)}
	beyond := msg.AnaUnitLess.In(msg.Zh)
	inside := msg.AnaUnitMore.In(msg.Zh)
	if s.Find == FindMax {
		beyond, inside = inside, beyond
	}
	rows = append(rows, checkRow(msg.AnaAnswerRow.In(msg.Zh), s.Answer), checkRow(beyond, s.Beyond))
	if s.Inside != nil {
		rows = append(rows, checkRow(inside, *s.Inside))
	}
	writeAligned(&b, rows, map[int]bool{1: true, 3: true, 4: true})
	if !s.Monotone {
		fmt.Fprintln(&b, msg.AnaNotMonotone.In(msg.Zh, s.Vary))
		fmt.Fprintf(&b, "warning: the target is not monotone in %s here; the answer is one boundary, perhaps not the only one.\n", s.Vary)
	} else {
		fmt.Fprintln(&b, msg.AnaMonotone.In(msg.Zh, s.Vary, s.Evaluations))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func checkRow(name string, c Check) []string {
	holds := msg.AnaNo.In(msg.Zh)
	if c.Holds {
		holds = msg.AnaYes.In(msg.Zh)
	}
	left, right := "—", "—"
	if c.Left != nil {
		left, right = group(*c.Left), group(*c.Right)
	}
	return []string{name, group(c.Value), holds, left, right, oneLine(c.Rejected)}
}

// group writes a decimal with thousands separators.
func group(d decimal.Decimal) string { return numfmt.Group(d.String()) }

// oneLine keeps a message on one short line for a table.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// WriteSensitivityTable writes the levers ranked, the change of the
// total (of the focus, or the largest over the sub-districts, with the
// sub-district) at −step and +step, then the masked levers and the moves
// the rules reject.
func WriteSensitivityTable(w io.Writer, r *Report) error {
	var b bytes.Buffer
	pct := stepPercent(r.Step)
	who := msg.AnaLargestChange.In(msg.Zh)
	if r.Focus != "" {
		who = msg.AnaFocus.In(msg.Zh, r.Focus)
	}
	fmt.Fprintf(&b, "%s\n\n", msg.AnaSweepTitle.In(msg.Zh, r.Plan, pct, who))
	sub := msg.AnaSubdistrict.In(msg.Zh)
	rows := [][]string{{msg.AnaNumber.In(msg.Zh), msg.AnaLever.In(msg.Zh), msg.AnaPath.In(msg.Zh), msg.AnaLeverValue.In(msg.Zh),
		msg.AnaChange.In(msg.Zh, "-"+pct), sub, msg.AnaChange.In(msg.Zh, "+"+pct), sub}}
	for i, l := range r.Levers {
		if l.Masked {
			continue
		}
		d, ds := r.moveText(l.Down)
		u, us := r.moveText(l.Up)
		rows = append(rows, []string{strconv.Itoa(i + 1), l.Label, l.Path, l.Value.String(), d, ds, u, us})
	}
	writeAligned(&b, rows, map[int]bool{0: true, 3: true, 4: true, 6: true})
	if m := r.Masked(); len(m) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msg.AnaMasked.In(msg.Zh, pct))
		for _, l := range m {
			fmt.Fprintln(&b, strings.TrimSpace("  "+l.Path+"  "+l.Label+" "+l.Note))
		}
	}
	rejected := false
	for _, l := range r.Levers {
		for k, mv := range []Move{l.Down, l.Up} {
			if mv.Rejected == "" {
				continue
			}
			if !rejected {
				fmt.Fprintf(&b, "\n%s\n", msg.AnaRejectedMoves.In(msg.Zh))
				rejected = true
			}
			fmt.Fprintf(&b, "  %s %s%s → %s: %s\n", l.Path, "-+"[k:k+1], pct, mv.Value, oneLine(mv.Rejected))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// moveText is a move's change and the sub-district it is of, or
// 不可行(保底资金不足): why the calculation does not hold, the label
// before the colon of m.Rejected (rejection).
func (r *Report) moveText(m Move) (string, string) {
	if m.Rejected != "" {
		why, _, _ := strings.Cut(m.Rejected, ":")
		return msg.AnaRejected.In(msg.Zh, why), ""
	}
	if m.Changes == nil {
		return "—", ""
	}
	d, i := r.Change(m)
	return signed(d), r.Subdistricts[i].Name
}

func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + group(d)
	}
	return group(d)
}

// stepPercent writes a step of 0.1 as "10%".
func stepPercent(step string) string {
	d, err := decimal.NewFromString(step)
	if err != nil {
		return step
	}
	return d.Shift(2).String() + "%"
}

// WriteSensitivityCSV writes one row per lever, direction and
// sub-district (one row per lever and direction when the move is
// rejected or the lever not moved): UTF-8 with a BOM and CRLF line ends,
// as Chinese Excel opens it, through the one CSV writer (internal/csvout:
// no name a spreadsheet would run as a formula).
func WriteSensitivityCSV(w io.Writer, r *Report, bom bool) error {
	cw := csvout.New(csvout.Options{NoBOM: !bom})
	_ = cw.Write(append([]string{"path"}, zh(msg.AnaCSVLever, msg.AnaCSVValue, msg.AnaCSVDirection, msg.AnaCSVMoved,
		msg.AnaCSVID, msg.AnaCSVSubdistrict, msg.AnaCSVTotal, msg.AnaCSVChange, msg.AnaCSVStatus)...))
	for _, l := range r.Levers {
		for k, mv := range []Move{l.Down, l.Up} {
			dir := "-" + stepPercent(r.Step)
			if k == 1 {
				dir = "+" + stepPercent(r.Step)
			}
			head := []string{l.Path, l.Label, l.Value.String(), dir, mv.Value.String()}
			if mv.Changes == nil {
				status := "rejected: " + mv.Rejected
				if mv.Rejected == "" {
					status = "masked: " + l.Note
				}
				_ = cw.Write(append(head, "", "", "", "", status))
				continue
			}
			for i, s := range r.Subdistricts {
				status := "ok"
				if l.Masked {
					status = "masked"
				}
				_ = cw.Write(append(head, s.ID, s.Name, s.Total.String(), mv.Changes[i].String(), status))
			}
		}
	}
	if _, err := cw.WriteTo(w); err != nil {
		return fmt.Errorf("sensitivity csv: %w", err)
	}
	return nil
}

// writeAligned writes rows in columns aligned by display width (a
// Chinese character is two columns), the columns in right aligned.
func writeAligned(b *bytes.Buffer, rows [][]string, right map[int]bool) {
	var widths []int
	for _, row := range rows {
		for k, c := range row {
			if k >= len(widths) {
				widths = append(widths, 0)
			}
			widths[k] = max(widths[k], runewidth.StringWidth(c))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		for k, c := range row {
			pad := strings.Repeat(" ", widths[k]-runewidth.StringWidth(c))
			if k > 0 {
				line.WriteString("  ")
			}
			if right[k] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// zh renders headings in Chinese, the language of the tables.
func zh(ms ...msg.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.In(msg.Zh)
	}
	return out
}
