package standards

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// TestNotUTF8: a plan saved in GBK, in UTF-16 or passed as a workbook is
// refused saying what to do (save as UTF-8; the import command), with the
// first line GBK reads; a UTF-8 file with a byte-order mark loads.
func TestNotUTF8(t *testing.T) {
	text := tinyPlan(t)
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, data string
		line       int
		says       []string
	}{
		{"GBK", gbk, 5, []string{"第 5 行不是 UTF-8 编码", "请将文件另存为 UTF-8", `name = "示例区 2025年街道财力测算(小例)"`}},
		{"UTF-16", u16, 0, []string{"UTF-16", "请将文件另存为 UTF-8"}},
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00rest of a zip", 0, []string{"caili import", "[plan] data"}},
		{"stray bytes", "[plan]\nname = \"a\xff\"\n", 2, []string{"第 2 行不是 UTF-8 编码"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("plan.toml", []byte(tt.data), nil)
			var se *formula.InvalidPlanError
			if !errors.As(err, &se) || len(se.Problems) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			p := se.Problems[0]
			if p.Code != formula.CodeSyntax || p.Line != tt.line {
				t.Errorf("got %s at line %d, want syntax at %d", p.Code, p.Line, tt.line)
			}
			for _, s := range tt.says {
				if !says(p, s) {
					t.Errorf("message %q lacks %q", msg.Problem(msg.Zh, p), s)
				}
			}
		})
	}
	if _, err := Parse("plan.toml", []byte("\xef\xbb\xbf"+text), nil); err != nil {
		t.Errorf("a UTF-8 plan with a byte-order mark: %v", err)
	}
}
