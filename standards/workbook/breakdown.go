package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// A breakdown (二上, docs/year.md) is a 街道's figure broken down into its
// projects: one row a project with its name, 使用方向, 功能科目, 经济科目,
// 金额 and 绩效目标, on sheet 项目分解 under a header row of those words.
// The reader finds the header row, reads the rows below it and says what
// is wrong at each cell; whether the lines add up and name permitted uses
// is the application's check.

// maxBreakdownLines bounds the lines of a breakdown.
const maxBreakdownLines = 2000

// BreakdownUse is a permitted use as the template lists it.
type BreakdownUse struct{ ID, Name, Codes string }

// BreakdownTemplate writes the breakdown workbook of a 街道 (its name),
// the year and its figure, listing the uses it may name.
func BreakdownTemplate(w io.Writer, name string, year int64, figure, source string, uses []BreakdownUse) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetBreakdown); err != nil {
		return err
	}
	set := func(cell string, v any) error { return f.SetCellValue(SheetBreakdown, cell, v) }
	if err := set("A1", fmt.Sprintf(breakdownTitle, name, year, figure, source)); err != nil {
		return err
	}
	for i, h := range breakdownHeadings {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		if err := set(c, h); err != nil {
			return err
		}
	}
	if err := set("H3", breakdownUsesTitle); err != nil {
		return err
	}
	for i, u := range uses {
		for j, v := range []string{u.ID, u.Name, u.Codes} {
			c, _ := excelize.CoordinatesToCellName(8+j, 4+i)
			if err := set(c, v); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 28, "B": 16, "C": 12, "D": 12, "E": 16, "F": 36, "H": 16, "I": 20, "J": 30} {
		if err := f.SetColWidth(SheetBreakdown, col, col, width); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// BreakdownLine is one line of a breakdown as read, with the cell of
// each of its values (项目分解!E5).
type BreakdownLine struct {
	Row      int             `json:"row"`
	Name     string          `json:"name"`
	Use      string          `json:"use"`
	Function string          `json:"function_code"`
	Economic string          `json:"economic_code"`
	Amount   decimal.Decimal `json:"amount"`
	Goal     string          `json:"goal"`
	Cells    [6]string       `json:"-"` // name, use, function, economic, amount, goal
}

// The columns of a breakdown line, for BreakdownLine.Cells.
const (
	ColName = iota
	ColUse
	ColFunction
	ColEconomic
	ColAmount
	ColGoal
)

// ReadBreakdown reads a breakdown workbook (name for its problems): its
// lines, or the problems of the file at their cells.
func ReadBreakdown(name string, data []byte) ([]BreakdownLine, []formula.Problem) {
	prob := func(code formula.Code, path string, w words) formula.Problem {
		return formula.Problem{File: name, Path: path, Code: code, Says: w}
	}
	if len(data) > MaxFileBytes {
		return nil, []formula.Problem{prob(codeTooLarge, "", msgTooBig(len(data)))}
	}
	b, bad := openBook(data)
	if bad != nil {
		return nil, []formula.Problem{prob(bad.code, "", bad.w)}
	}
	defer b.close()
	if !b.has(SheetBreakdown) {
		return nil, []formula.Problem{prob(formula.CodeMissing, "", msgNoSheet(SheetBreakdown, b.sheets()))}
	}
	g, err := b.load(SheetBreakdown)
	if err != nil || g.tooLong || g.tooWide {
		return nil, []formula.Problem{prob(codeTooLarge, SheetBreakdown, say(msg.YearBreakdownTooLarge, maxBreakdownLines))}
	}
	head := -1
	for i := 0; i < len(g.rows) && i < maxHeaderRows && head < 0; i++ {
		if strings.TrimSpace(g.rows[i].at(0).text) == breakdownHeadings[0] {
			head = i
		}
	}
	if head < 0 {
		return nil, []formula.Problem{prob(formula.CodeMissing, SheetBreakdown, say(msg.YearBreakdownNoHeader, strings.Join(breakdownHeadings, "、")))}
	}
	var lines []BreakdownLine
	var ps []formula.Problem
	for _, row := range g.rows[head+1:] {
		if len(lines) >= maxBreakdownLines {
			ps = append(ps, prob(codeTooLarge, SheetBreakdown, say(msg.YearBreakdownTooLarge, maxBreakdownLines)))
			break
		}
		l := BreakdownLine{Row: row.num}
		vals := make([]string, len(breakdownHeadings))
		blank := true
		for col := range breakdownHeadings {
			l.Cells[col] = g.addr(col, row.num)
			vals[col] = trimText(row.at(col).text)
			blank = blank && vals[col] == ""
		}
		if blank {
			continue
		}
		l.Name, l.Use, l.Function, l.Economic, l.Goal = vals[ColName], vals[ColUse], vals[ColFunction], vals[ColEconomic], vals[ColGoal]
		for _, col := range []int{ColName, ColUse, ColFunction, ColAmount, ColGoal} {
			if vals[col] == "" {
				ps = append(ps, prob(formula.CodeMissing, l.Cells[col], say(msg.YearBreakdownBlank, breakdownHeadings[col])))
			}
		}
		if vals[ColAmount] != "" {
			d, err := decimal.NewFromString(strings.ReplaceAll(vals[ColAmount], ",", ""))
			if err != nil || d.Sign() <= 0 {
				ps = append(ps, prob(formula.CodeBadValue, l.Cells[ColAmount], say(msg.YearBreakdownAmount, vals[ColAmount])))
			}
			l.Amount = d
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 && len(ps) == 0 {
		ps = append(ps, prob(formula.CodeMissing, SheetBreakdown, say(msg.YearBreakdownEmpty)))
	}
	return lines, ps
}
