package workbook_test

import (
	"bytes"
	"fmt"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// A bureau sends 西街道 its copy, gets it back with one figure changed,
// merges it into the plan, and sees a mistake reported at its cell.
func Example() {
	doc, err := standards.LoadFile("../../testdata/tiny/plan.toml")
	if err != nil {
		panic(err)
	}
	p, err := doc.Plan()
	if err != nil {
		panic(err)
	}
	var sent bytes.Buffer // the workbook to send; CSV here, to edit it below
	if err := workbook.Template(&sent, p, workbook.TemplateOptions{Subdistrict: "west", Format: workbook.CSV}); err != nil {
		panic(err)
	}

	returned := bytes.Replace(sent.Bytes(), []byte(",2.1,"), []byte(",2.4,"), 1) // area 2.1 → 2.4 km²
	_, changes, problems := workbook.Merge("west.csv", returned, p)
	fmt.Println(len(problems), "problems")
	for _, c := range changes {
		fmt.Println(c)
	}

	wrong := bytes.Replace(sent.Bytes(), []byte(",2.1,"), []byte(",-2.1,"), 1)
	_, problems = workbook.Read("west.csv", wrong, p)
	for _, pb := range problems {
		fmt.Println(msg.ProblemLine(msg.Zh, pb))
		fmt.Println(msg.ProblemLine(msg.En, pb))
	}
	// Output:
	// 0 problems
	// 西街道 (west) area_km2:2.1 → 2.4 [G2]
	// west.csv: G2: area_km2 不能为负数 (-2.1)
	// west.csv: G2: area_km2: must not be negative (-2.1)
}
