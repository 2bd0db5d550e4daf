package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/server/chart"
	"github.com/caili/caili/standards"
)

// evaluate computes the tiny test plan with overrides such as
// "plan.capacity=55000000".
func evaluate(sets ...string) (*formula.Result, error) {
	doc, err := standards.LoadFile("testdata/tiny.toml")
	if err != nil {
		return nil, err
	}
	for _, s := range sets {
		ov, err := standards.ParseSet(s)
		if err != nil {
			return nil, err
		}
		if doc, err = doc.Apply(ov); err != nil {
			return nil, err
		}
	}
	model, err := doc.Compile()
	if err != nil {
		return nil, err
	}
	return model.Evaluate()
}

// Compare draws what a what-if changes: here, 5 million 元 less capacity.
func ExampleCompare() {
	base, err := evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	whatIf, err := evaluate("plan.capacity=55000000")
	if err != nil {
		fmt.Println(err)
		return
	}
	svg, err := chart.Compare(base, whatIf, chart.SVG)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(svg, []byte("<svg")), bytes.Contains(svg, []byte("减少")))
	// Output: true true
}

// An HTTP handler for /charts/{kind}.{format} parses both parts of the
// name, renders, and maps the package's errors to status codes.
func ExampleRender() {
	res, err := evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}

	kind, err := chart.ParseKind("components")
	if err != nil {
		fmt.Println(err)
		return
	}
	format, err := chart.ParseFormat("png")
	if err != nil {
		fmt.Println(err)
		return
	}
	img, err := chart.Render(kind, format, chart.Input{Result: res})
	if err != nil {
		fmt.Println(err)
		return
	}
	decoded, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(format.ContentType(), decoded.Bounds().Size())

	svg, _ := chart.Render(chart.KindPerCapita, chart.SVG, chart.Input{Result: res, Per: chart.DefaultPer(res)})
	fmt.Println(bytes.Contains(svg, []byte("东街道")))

	_, err = chart.Render(chart.KindPerCapita, chart.SVG, chart.Input{Result: res, Per: "households"})
	fmt.Println(errors.Is(err, chart.ErrBadQuantity))
	// Output:
	// image/png (1200,600)
	// true
	// true
}
