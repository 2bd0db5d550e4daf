package checkxlsx_test

import (
	"bytes"
	"testing"

	"github.com/caili/caili/internal/report/checkxlsx"
	"github.com/caili/caili/internal/testplan"
)

// BenchmarkWriteSample writes the sample plan's 复核 workbook (15 街道).
func BenchmarkWriteSample(b *testing.B) {
	res := testplan.File(b, "../../../configs/plan.toml")
	for b.Loop() {
		if err := checkxlsx.Write(&bytes.Buffer{}, res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite200 writes the workbook of a generated plan of 200 街道
// and about 50 items each (some 10,000 item rows, near MaxRows).
func BenchmarkWrite200(b *testing.B) {
	res := testplan.File(b, generatedFileB(b))
	b.ResetTimer()
	for b.Loop() {
		if err := checkxlsx.Write(&bytes.Buffer{}, res); err != nil {
			b.Fatal(err)
		}
	}
}
