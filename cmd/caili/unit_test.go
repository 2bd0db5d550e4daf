package main

import (
	"strings"
	"testing"
)

func TestUnitWan(t *testing.T) {
	out, errOut, code := caili(t, "calc", "--unit", "万元")
	if code != 0 || !strings.Contains(out, "单位: 万元") || !strings.Contains(out, "259,097.44") || !strings.Contains(out, "尾差") {
		t.Fatalf("calc --unit 万元: %d %s\n%s", code, errOut, out)
	}
	out, _, code = caili(t, "calc", "--unit", "wan", "--format", "csv")
	if code != 0 || !strings.Contains(out, "total,合计,") || !strings.Contains(out, ",259097.44,5553.60\r\n") {
		t.Fatalf("calc --unit wan --format csv: %d\n%s", code, out)
	}
	out, _, code = caili(t, "compare", "--scenario", "vector_control_1_5", "--unit", "万元")
	if code != 0 || !strings.Contains(out, "方案对比（单位: 万元）") {
		t.Fatalf("compare --unit 万元: %d\n%s", code, out)
	}
	for _, args := range [][]string{{"calc", "--unit", "万元", "--format", "json"}, {"calc", "--unit", "亿元"}} {
		if _, errOut, code := caili(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
