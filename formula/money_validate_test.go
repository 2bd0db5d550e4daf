package formula

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// moneyCodePlan is moneyBase with every table of rules §6, valid, for
// TestMoneyProblemCodes to break.
func moneyCodePlan() *Plan {
	p := moneyBase()
	amt := dec("100000")
	p.Block = &Block{Amount: &amt}
	p.TierCapBase = CapAvailable
	p.Projects[0].Managed = ManagedByDistrict
	p.Projects = append(p.Projects, Project{ID: "m", Name: "三保", UnitCost: dec("1"), Basis: []string{"one"}, Tier: TierMandatory})
	p.ProjectExecution = &ProjectExecution{Bands: []ExecutionBand{{Below: dec("0.5"), Coefficient: dec("0.8")}, {Below: dec("0.8"), Coefficient: dec("0.9")}}}
	p.Subdistricts[0].Execution = map[string]decimal.Decimal{"p1": dec("0.6")}
	p.Transfers = []Transfer{{ID: "t", Name: "专项", Amount: dec("1000"), Basis: []string{"pop"}}}
	return p
}

// TestMoneyProblemCodes breaks the tables of rules §6 one rule at a
// time: every problem §6 names and §2's key and id rules, each with its
// code and path.
func TestMoneyProblemCodes(t *testing.T) {
	if ps := moneyCodePlan().Validate(); len(ps) > 0 {
		t.Fatalf("the base plan is invalid: %v", ps)
	}
	for _, tc := range []codeBreak{
		{"negative block amount", func(p *Plan) { a := dec("-1"); p.Block.Amount = &a }, "block.amount", "must not be negative", CodeOutOfRange},
		{"block amount not a multiple", func(p *Plan) { a := dec("1.5"); p.Block.Amount = &a }, "block.amount", "multiple of the rounding unit", CodeNotMultiple},
		{"cap base", func(p *Plan) { p.TierCapBase = 7 }, "tiers.cap_base", "pool or available", CodeBadValue},
		{"managed", func(p *Plan) { p.Projects[0].Managed = 7 }, "project[p1].managed", "subdistrict or district", CodeBadValue},
		{"no band", func(p *Plan) { p.ProjectExecution.Bands = nil }, "project_execution.bands", "at least one band", CodeMissing},
		{"band at zero", func(p *Plan) { p.ProjectExecution.Bands[0].Below = dec("0") }, "project_execution.bands[1].below", "above 0", CodeOutOfRange},
		{"bands not increasing", func(p *Plan) { p.ProjectExecution.Bands[1].Below = dec("0.5") }, "project_execution.bands[2].below", "must increase", CodeBandsOrder},
		{"band coefficient", func(p *Plan) { p.ProjectExecution.Bands[1].Coefficient = dec("1.1") }, "project_execution.bands[2].coefficient", "[0, 1]", CodeOutOfRange},
		{"rate of no project", func(p *Plan) { p.Subdistricts[1].Execution = map[string]decimal.Decimal{"nope": dec("0.1")} }, "subdistrict[b].execution.nope", "not a [[project]] id", CodeUnknownRef},
		{"rate of a mandatory project", func(p *Plan) { p.Subdistricts[1].Execution = map[string]decimal.Decimal{"m": dec("0.1")} }, "subdistrict[b].execution.m", "mandatory", CodeExecutionMandatory},
		{"negative rate", func(p *Plan) { p.Subdistricts[0].Execution["p1"] = dec("-0.1") }, "subdistrict[a].execution.p1", "must not be negative", CodeOutOfRange},
		{"rate without bands", func(p *Plan) { p.ProjectExecution = nil }, "subdistrict[a].execution.p1", "[project_execution]", CodeUnknownRef},
		{"transfer id", func(p *Plan) { p.Transfers[0].ID = "T" }, "transfer[T].id", "must match", CodeBadID},
		{"transfer id missing", func(p *Plan) { p.Transfers[0].ID = "" }, "transfer[1].id", "missing", CodeMissing},
		{"transfer id twice", func(p *Plan) { p.Transfers = append(p.Transfers, p.Transfers[0]) }, "transfer[2].id", "duplicate id", CodeDuplicateID},
		{"transfer name", func(p *Plan) { p.Transfers[0].Name = "" }, "transfer[t].name", "must not be empty", CodeMissing},
		{"negative transfer", func(p *Plan) { p.Transfers[0].Amount = dec("-1") }, "transfer[t].amount", "must not be negative", CodeOutOfRange},
		{"transfer not a multiple", func(p *Plan) { p.Transfers[0].Amount = dec("0.5") }, "transfer[t].amount", "multiple of the rounding unit", CodeNotMultiple},
		{"transfer without basis", func(p *Plan) { p.Transfers[0].Basis = nil }, "transfer[t].basis", "at least one quantity", CodeMissing},
		{"transfer on a zero basis", func(p *Plan) { p.Transfers[0].Basis = []string{"zero"} }, "transfer[t].basis", "zero in every sub-district", CodeZeroBasis},
		{"transfer basis missing", func(p *Plan) { p.Subdistricts[1].Quantities.Delete("pop") }, "subdistrict[b].quantities.pop", "", CodeMissingQuantity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := moneyCodePlan()
			tc.breakPlan(p)
			found := false
			for _, pr := range p.Validate() {
				if pr.Path == tc.path && strings.Contains(english(t, pr), tc.msg) {
					found = true
					if pr.Code != tc.code {
						t.Errorf("%s: %s has code %q, want %q", pr.Path, english(t, pr), pr.Code, tc.code)
					}
				}
			}
			if !found {
				t.Errorf("no problem at %s saying %q; got %v", tc.path, tc.msg, p.Validate())
			}
		})
	}
}

// TestZeroTransferOnZeroBasis: a transfer of 0 on a basis zero everywhere
// is valid and hands out nothing.
func TestZeroTransferOnZeroBasis(t *testing.T) {
	p := moneyCodePlan()
	p.Transfers[0].Amount, p.Transfers[0].Basis = dec("0"), []string{"zero"}
	res := mustEval(t, p)
	if !res.Transfers.IsZero() || !res.Subdistricts[0].Transfers.IsZero() {
		t.Fatalf("transfers %s", res.Transfers)
	}
}
