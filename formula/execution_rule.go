package formula

import "github.com/shopspring/decimal"

// ExecutionRule is one [[execution_rule]] of a plan: a line whose
// execution rate at the end of Month is below MinRate is warned of
// (双监控, docs/year-data.md). Rules change no amount.
type ExecutionRule struct {
	Month   int             // 1–12
	MinRate decimal.Decimal // in (0, 1]
}

// The texts of execution rules' problems (internal/msg/execution.go).
const (
	textExecRuleMonth = Text("ExecRuleMonth")
	textExecRuleRate  = Text("ExecRuleRate")
	textExecRuleTwice = Text("ExecRuleTwice")
)

// executionRules checks the rules: a month 1–12, a rate in (0, 1], each
// month once.
func (v *validator) executionRules() {
	seen := map[int]bool{}
	for i, r := range v.p.ExecutionRules {
		path := EntryPath("execution_rule", "", i)
		switch {
		case r.Month < 1 || r.Month > 12:
			v.ps.say(CodeOutOfRange, path+".month", textExecRuleMonth)
		case seen[r.Month]:
			v.ps.say(CodeRepeated, path+".month", textExecRuleTwice, r.Month)
		}
		seen[r.Month] = true
		if r.MinRate.Sign() <= 0 || r.MinRate.GreaterThan(v.one) {
			v.ps.say(CodeOutOfRange, path+".min_rate", textExecRuleRate)
		}
	}
}
