package workbook

import "testing"

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd":              true,
		`yyyy"年"m"月"d"日"`:         true,
		"[$-804]yyyy年m月d日":        true,
		"h:mm:ss":                 true,
		"[h]:mm":                  true,
		"General":                 false,
		"0.00E+00":                false,
		"#,##0":                   false,
		`#,##0 "元"`:               false,
		`0.0 "days"`:              false,
		"[Red]#,##0;[Blue]-#,##0": false,
		`\d0`:                     false,
		"0%":                      false,
		"[$¥-804]#,##0.00":        false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
	for id, want := range map[int]bool{0: false, 1: false, 3: false, 14: true, 22: true, 31: true, 49: false, 57: true} {
		if got := builtinDate(id); got != want {
			t.Errorf("builtinDate(%d) = %v, want %v", id, got, want)
		}
	}
	if got := dateText("45366"); got != "2024-03-15" {
		t.Errorf("dateText(45366) = %q", got)
	}
}
