package analysis

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/shopspring/decimal"

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
	end := "最小值 (smallest)"
	if s.Find == FindMax {
		end = "最大值 (largest)"
	}
	fmt.Fprintf(&b, "目标 target:      %s\n", s.Target)
	fmt.Fprintf(&b, "调节 vary:        %s(原值 %s,步长 %s)\n", s.Vary, s.Original, s.Unit)
	fmt.Fprintf(&b, "答案 answer:      %s = %s(满足目标的%s)\n", s.Vary, group(s.Answer.Value), end)
	rows := [][]string{{"核验 check", "取值 value", "满足 holds", "左值 left", "右值 right", "说明 note"}}
	beyond := "少一个单位 one unit less"
	inside := "多一个单位 one unit more"
	if s.Find == FindMax {
		beyond, inside = inside, beyond
	}
	rows = append(rows, checkRow("答案 answer", s.Answer), checkRow(beyond, s.Beyond))
	if s.Inside != nil {
		rows = append(rows, checkRow(inside, *s.Inside))
	}
	writeAligned(&b, rows, map[int]bool{1: true, 3: true, 4: true})
	if !s.Monotone {
		fmt.Fprintf(&b, "注意:目标对 %s 不单调(答案之内一个单位处目标不成立),答案是找到的一个边界,未必唯一。\n", s.Vary)
		fmt.Fprintf(&b, "warning: the target is not monotone in %s here; the answer is one boundary, perhaps not the only one.\n", s.Vary)
	} else {
		fmt.Fprintf(&b, "假定目标随 %s 单调;在答案处核验通过。共计算 %d 次。\n", s.Vary, s.Evaluations)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func checkRow(name string, c Check) []string {
	holds := "否 no"
	if c.Holds {
		holds = "是 yes"
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
	who := "各街道中变动最大者 the largest change over the sub-districts"
	if r.Focus != "" {
		who = "街道 " + r.Focus
	}
	fmt.Fprintf(&b, "%s · 敏感性分析 sensitivity ±%s · %s\n\n", r.Plan, pct, who)
	rows := [][]string{{"序号", "调节项 lever", "路径 path", "原值 value", "-" + pct + " 变动", "街道", "+" + pct + " 变动", "街道"}}
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
		fmt.Fprintf(&b, "\n无效调节项 masked levers(±%s 不改变任何街道合计 / move no total):\n", pct)
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
				fmt.Fprintf(&b, "\n方案被否决的调节 moves the rules reject:\n")
				rejected = true
			}
			fmt.Fprintf(&b, "  %s %s%s → %s: %s\n", l.Path, "-+"[k:k+1], pct, mv.Value, oneLine(mv.Rejected))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// moveText is a move's change and the sub-district it is of, or 否决.
func (r *Report) moveText(m Move) (string, string) {
	if m.Rejected != "" {
		return "否决 rejected", ""
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
// as Chinese Excel opens it.
func WriteSensitivityCSV(w io.Writer, r *Report, bom bool) error {
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	_ = cw.Write([]string{"path", "调节项", "原值", "方向", "调节后取值", "街道id", "街道", "原合计", "变动", "状态"})
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
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("sensitivity csv: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
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
