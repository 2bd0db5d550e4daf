package execution

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/internal/csvout"
	"github.com/caili/caili/internal/msg"
)

// The report as JSON (the API), CSV (one row a line and month) and the
// rows of a table (the command line, the page).

// JSON is the report as the API returns it; amounts and rates are
// decimal texts (rates as fractions, "0.5" for 50%).
type JSON struct {
	FiscalYear   int64         `json:"fiscal_year"`
	LastMonth    int           `json:"last_month"`
	Lines        []LineJSON    `json:"lines"`
	Subdistricts []TotalJSON   `json:"subdistricts"`
	Warnings     []WarningJSON `json:"warnings"`
	Counts       CountsJSON    `json:"counts"`
}

// LineJSON is a line through the months that have data.
type LineJSON struct {
	Subdistrict string      `json:"subdistrict"`
	Name        string      `json:"name"`
	Item        string      `json:"item"`
	Project     string      `json:"project,omitempty"`
	Approved    string      `json:"approved"`
	Adjusted    bool        `json:"adjusted"`
	Months      []MonthJSON `json:"months"`
}

// TotalJSON is a 街道's lines added up.
type TotalJSON struct {
	Subdistrict string      `json:"subdistrict"`
	Name        string      `json:"name"`
	Months      []MonthJSON `json:"months"`
}

// MonthJSON is the state at a month's end.
type MonthJSON struct {
	Month  int    `json:"month"`
	Budget string `json:"budget"`
	Spent  string `json:"spent"`
	Rate   string `json:"rate,omitempty"`
}

// WarningJSON is a warning with its sentence.
type WarningJSON struct {
	Month       int    `json:"month"`
	MinRate     string `json:"min_rate"`
	Subdistrict string `json:"subdistrict"`
	Item        string `json:"item"`
	Rate        string `json:"rate"`
	Text        string `json:"text"`
}

// CountsJSON are the year's counts and shares.
type CountsJSON struct {
	Lines           int    `json:"lines"`
	AsApproved      int    `json:"as_approved"`
	Adjusted        int    `json:"adjusted"`
	NotExecuted     int    `json:"not_executed"`
	AsApprovedShare string `json:"as_approved_share"`
	AdjustedShare   string `json:"adjusted_share"`
}

// ToJSON is the report as JSON, its sentences in language l.
func (r *Report) ToJSON(l msg.Lang) JSON {
	out := JSON{FiscalYear: r.Year, LastMonth: r.Last, Lines: []LineJSON{}, Subdistricts: []TotalJSON{}, Warnings: []WarningJSON{},
		Counts: CountsJSON{Lines: r.Counts.Lines, AsApproved: r.Counts.AsApproved, Adjusted: r.Counts.Adjusted, NotExecuted: r.Counts.NotExecuted,
			AsApprovedShare: r.Counts.Share(r.Counts.AsApproved).String(), AdjustedShare: r.Counts.Share(r.Counts.Adjusted).String()}}
	for _, l := range r.Lines {
		out.Lines = append(out.Lines, LineJSON{Subdistrict: l.Subdistrict, Name: l.Name, Item: l.Item, Project: l.Project,
			Approved: l.Approved.String(), Adjusted: l.Adjusted, Months: months(l.Months[:r.Last])})
	}
	for _, t := range r.Subdistricts {
		out.Subdistricts = append(out.Subdistricts, TotalJSON{Subdistrict: t.Subdistrict, Name: t.Name, Months: months(t.Months[:r.Last])})
	}
	for _, w := range r.Warnings {
		out.Warnings = append(out.Warnings, WarningJSON{Month: w.Rule.Month, MinRate: w.Rule.MinRate.String(), Subdistrict: w.Line.Subdistrict,
			Item: w.Line.Item, Rate: w.Rate.String(), Text: w.Text(l)})
	}
	return out
}

func months(ps []Point) []MonthJSON {
	out := []MonthJSON{}
	for m, p := range ps {
		if !p.Has {
			continue
		}
		mj := MonthJSON{Month: m + 1, Budget: p.Budget.String(), Spent: p.Spent.String()}
		if rate, ok := p.Rate(); ok {
			mj.Rate = rate.String()
		}
		out = append(out, mj)
	}
	return out
}

// Percent writes a rate as a percentage with one decimal: 0.5 → "50.0%".
func Percent(rate decimal.Decimal) string {
	return rate.Mul(decimal.NewFromInt(100)).StringFixed(1) + "%"
}

// Text is the warning's sentence: "东街道 绿化养护:9 月末执行率 50.0%,低于 60%".
func (w Warning) Text(l msg.Lang) string {
	return msg.ExecWarning.In(l, w.Line.Name, w.Line.Label(), w.Rule.Month, Percent(w.Rate),
		w.Rule.MinRate.Mul(decimal.NewFromInt(100)).String()+"%")
}

// CSV is the report as CSV: one row a line and month, then one a 街道's
// total and month (item 合计), in language l's headers.
func (r *Report) CSV(l msg.Lang) ([]byte, error) {
	w := csvout.New(csvout.Options{})
	if err := w.Write(strings.Split(msg.ExecCSVHead.In(l), ",")); err != nil {
		return nil, err
	}
	row := func(sub, name, item, project string, m int, p Point) error {
		rate := ""
		if v, ok := p.Rate(); ok {
			rate = v.String()
		}
		return w.Write([]string{sub, name, item, project, strconv.Itoa(m), p.Budget.String(), p.Spent.String(), rate})
	}
	for _, li := range r.Lines {
		for m := 1; m <= r.Last; m++ {
			if p := li.Months[m-1]; p.Has {
				if err := row(li.Subdistrict, li.Name, li.Item, li.Project, m, p); err != nil {
					return nil, err
				}
			}
		}
	}
	total := msg.ExecTotal.In(l)
	for _, t := range r.Subdistricts {
		for m := 1; m <= r.Last; m++ {
			if p := t.Months[m-1]; p.Has {
				if err := row(t.Subdistrict, t.Name, total, "", m, p); err != nil {
					return nil, err
				}
			}
		}
	}
	return w.Bytes()
}

// Table is the report as the rows of a table at month (0: the last): a
// header, then one row a line and a 街道's total (of the 街道 with data),
// with the rate of each month with data up to it, the budget and spent
// at it.
func (r *Report) Table(l msg.Lang, month int) [][]string {
	if month <= 0 || month > r.Last {
		month = r.Last
	}
	var shown []int // the months some 街道 has data of
	for m := 1; m <= month; m++ {
		for _, t := range r.Subdistricts {
			if t.Months[m-1].Has {
				shown = append(shown, m)
				break
			}
		}
	}
	head := []string{msg.ExecColSubdistrict.In(l), msg.ExecColItem.In(l)}
	for _, m := range shown {
		head = append(head, msg.ExecColMonth.In(l, m))
	}
	head = append(head, msg.ExecColBudget.In(l), msg.ExecColSpent.In(l))
	rows := [][]string{head}
	line := func(name, item string, ps [12]Point) {
		row := []string{name, item}
		for _, m := range shown {
			cell := "—"
			if v, ok := ps[m-1].Rate(); ok {
				cell = Percent(v)
			}
			row = append(row, cell)
		}
		end := ps[max(month, 1)-1]
		rows = append(rows, append(row, end.Budget.String(), end.Spent.String()))
	}
	total := msg.ExecTotal.In(l)
	for _, t := range r.Subdistricts {
		if month == 0 || !t.Months[month-1].Has {
			continue // no line of this 街道 yet
		}
		for _, li := range r.Lines {
			if li.Subdistrict == t.Subdistrict {
				line(li.Name, li.Label(), li.Months)
			}
		}
		line(t.Name, total, t.Months)
	}
	return rows
}
