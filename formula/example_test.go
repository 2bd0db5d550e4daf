package formula_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// A two-sub-district plan built in code: staff at actual, one factor.
func Example() {
	d := decimal.RequireFromString
	plan := &formula.Plan{
		Name: "例", FiscalYear: 2025, Capacity: d("10000000"), RoundingUnit: d("1"),
		Staff:   []formula.Staff{{ID: "civil_servant", Name: "公务员", AnnualPay: d("160000"), OncostRate: d("0.35")}},
		Factors: []formula.Factor{{ID: "population", Name: "服务人口", Weight: d("1"), Indicators: []formula.Indicator{{Quantity: "population", Weight: d("1")}}}},
		Subdistricts: []formula.Subdistrict{
			{ID: "east", Name: "东街道", Staff: formula.ValuesOf(map[string]decimal.Decimal{"civil_servant": d("20")}),
				Quantities: formula.ValuesOf(map[string]decimal.Decimal{"population": d("60000")})},
			{ID: "west", Name: "西街道", Staff: formula.ValuesOf(map[string]decimal.Decimal{"civil_servant": d("10")}),
				Quantities: formula.ValuesOf(map[string]decimal.Decimal{"population": d("30000")})},
		},
	}
	model, err := formula.Compile(plan)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := model.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Subdistricts {
		fmt.Println(a.Name, a.Personnel, a.Block, a.Total)
		fmt.Println("  ", a.Lines[0].Formula())
	}
	// Output:
	// 东街道 4320000 2346667 6666667
	//    20 人 × 160,000 元／人·年 × (1 + 0.35) = 4,320,000
	// 西街道 2160000 1173333 3333333
	//    10 人 × 160,000 元／人·年 × (1 + 0.35) = 2,160,000
}

// A plan the rules cannot fund is rejected with the gap.
func ExampleRejectedError() {
	d := decimal.RequireFromString
	plan := &formula.Plan{
		Name: "例", FiscalYear: 2025, Capacity: d("1000000"), RoundingUnit: d("1"),
		Staff:        []formula.Staff{{ID: "s", Name: "公务员", AnnualPay: d("100000")}},
		Factors:      []formula.Factor{{ID: "f", Name: "人口", Weight: d("1"), Indicators: []formula.Indicator{{Quantity: "p", Weight: d("1")}}}},
		Subdistricts: []formula.Subdistrict{{ID: "a", Name: "甲", Staff: formula.ValuesOf(map[string]decimal.Decimal{"s": d("12")}), Quantities: formula.ValuesOf(map[string]decimal.Decimal{"p": d("1")})}},
	}
	model, _ := formula.Compile(plan)
	_, err := model.Evaluate()
	fmt.Println(msg.Error(msg.Zh, err))
	fmt.Println(msg.Error(msg.En, err))
	// Output:
	// 测算不成立:可分配财力不足,缺口 200000 元（人员经费和公用经费 1,200,000 超过可分配财力 1,000,000）
	// the calculation does not hold: capacity shortfall, short by 200000 元 (personnel and public costs 1,200,000 exceed available 1,000,000)
}
