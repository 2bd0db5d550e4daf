package execution

import (
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// MappingFile is the name of the column mapping in the plan's folder;
// without it, DefaultMapping is used.
const MappingFile = "execution-columns.toml"

// maxMappingBytes bounds a mapping file.
const maxMappingBytes = 64 << 10

// Field is one column an execution row needs.
type Field int

// The fields, in the order of a row.
const (
	FieldSubdistrict Field = iota // 街道: its id, name or 预算单位编码
	FieldItem                     // 项目: a project's id or name, or a breakdown line's name
	FieldBudget                   // 预算数: the budget in force, 元
	FieldSpent                    // 支出数: spent, 元 (to the month's end, or in the month)
	FieldMonth                    // 月份: 1–12, or 2025-09, 2025年9月, 202509
	numFields
)

// fieldKeys are the fields' keys in a mapping file.
var fieldKeys = [numFields]string{"subdistrict", "project", "budget", "spent", "month"}

// Mapping says which column holds each field: each field is found under
// any of its headers (the first row that has them all is the header row).
type Mapping struct {
	Headers [numFields][]string
	// Monthly says that spent is the month's own spending; false (the
	// default): spent to the end of the month (累计支出), as budget
	// systems usually export.
	Monthly bool
}

// DefaultMapping is the mapping without a file: the headers of a budget
// system's execution report in Chinese, with their usual variants
// (words.go).
func DefaultMapping() Mapping {
	var m Mapping
	for f := range numFields {
		m.Headers[f] = append([]string(nil), defaultHeaders[f]...)
	}
	return m
}

// mappingDoc is the mapping file as written:
//
//	[columns]
//	subdistrict = "预算单位"          # or a list: ["预算单位", "单位名称"]
//	project = "项目名称"
//	budget = "调整后预算数"
//	spent = "累计支出"
//	month = "月份"
//	spent_is = "cumulative"           # or "monthly"
type mappingDoc struct {
	Columns map[string]any `toml:"columns"`
}

// ReadMapping reads a mapping file; a field it leaves out keeps the
// default headers. Every problem is located at its key.
func ReadMapping(name string, data []byte) (Mapping, []formula.Problem) {
	m := DefaultMapping()
	if len(data) > maxMappingBytes {
		return m, []formula.Problem{at(name, "", formula.CodeUnreadable, msg.ExecMappingTooBig, maxMappingBytes)}
	}
	var doc mappingDoc
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return m, []formula.Problem{at(name, "", formula.CodeSyntax, msg.ExecMappingSyntax, err.Error())}
	}
	var ps []formula.Problem
	for _, k := range md.Undecoded() {
		if len(k) == 1 || k[0] != "columns" {
			ps = append(ps, at(name, k.String(), formula.CodeUnknownKey, msg.ExecMappingUnknown, k.String()))
		}
	}
	for key, v := range doc.Columns {
		path := "columns." + key
		if key == "spent_is" {
			switch v {
			case "cumulative":
			case "monthly":
				m.Monthly = true
			default:
				ps = append(ps, at(name, path, formula.CodeBadValue, msg.ExecMappingSpentIs))
			}
			continue
		}
		f := fieldOf(key)
		if f < 0 {
			ps = append(ps, at(name, path, formula.CodeUnknownKey, msg.ExecMappingUnknown, path))
			continue
		}
		heads, ok := headerList(v)
		if !ok {
			ps = append(ps, at(name, path, formula.CodeBadValue, msg.ExecMappingHeader))
			continue
		}
		m.Headers[f] = heads
	}
	return m, ps
}

// fieldOf is the field of a mapping key, or -1.
func fieldOf(key string) Field {
	for f, k := range fieldKeys {
		if k == key {
			return Field(f)
		}
	}
	return -1
}

// headerList reads a header or a list of headers.
func headerList(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		x = strings.TrimSpace(x)
		return []string{x}, x != ""
	case []any:
		var out []string
		for _, e := range x {
			s, ok := e.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return nil, false
			}
			out = append(out, strings.TrimSpace(s))
		}
		return out, len(out) > 0
	}
	return nil, false
}

// at is a problem of file name at path.
func at(name, path string, code formula.Code, m msg.Message, args ...any) formula.Problem {
	p := m.At(code, path, args...)
	p.File = name
	return p
}
