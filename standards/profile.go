package standards

import (
	"slices"
	"strconv"
	"strings"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file reads an export profile (docs/classification.md): a TOML
// file of columns, each a header, a field of formula.ExportFields and,
// for the amount, a number format. Every problem names the file, the line
// and the key.

// profileDoc is an export profile as written.
type profileDoc struct {
	Name   Text        `toml:"name"`
	Sheet  Text        `toml:"sheet"`
	Column []columnDoc `toml:"column"`
}

type columnDoc struct {
	Header Text `toml:"header"`
	Field  Text `toml:"field"`
	Format Text `toml:"format"`
}

// ParseProfile reads the export profile in data (file: its name, for
// messages), reporting every problem in a *caili.Error.
func ParseProfile(file string, data []byte) (*formula.ExportProfile, error) {
	var pd profileDoc
	_, ps := decodeFile(file, data, &pd)
	if stops(ps) {
		return nil, invalid("standards.ParseProfile", ps, nil)
	}
	c := &converter{}
	p := &formula.ExportProfile{Name: c.text("name", pd.Name, true), Sheet: c.text("sheet", pd.Sheet, false)}
	if len(pd.Column) == 0 {
		c.addCode(formula.CodeMissing, "column", because(msg.ExportProfileNoColumns))
	}
	headers := map[string]bool{}
	amount := false
	for i, cd := range pd.Column {
		path := "column[" + strconv.Itoa(i+1) + "]"
		col := formula.ExportColumn{
			Header: strings.TrimSpace(c.text(path+".header", cd.Header, true)),
			Field:  c.text(path+".field", cd.Field, true),
			Format: c.text(path+".format", cd.Format, false),
		}
		if cd.Header.Set && cd.Header.Problem == nil {
			if col.Header == "" {
				c.missing(path + ".header")
			} else if headers[col.Header] {
				c.add(path+".header", because(msg.ExportProfileHeaderTwice, col.Header))
			}
			headers[col.Header] = true
		}
		if cd.Field.Set && cd.Field.Problem == nil && !slices.Contains(formula.ExportFields, col.Field) {
			near := nearest(col.Field, formula.ExportFields, 3)
			if near == "" {
				near = "-"
			}
			c.add(path+".field", because(msg.ExportProfileField, col.Field, near))
		}
		amount = amount || col.Field == formula.AmountField
		if cd.Format.Set && cd.Format.Problem == nil {
			switch {
			case col.Field != formula.AmountField:
				c.add(path+".format", because(msg.ExportProfileFormatText))
			case !slices.Contains(formula.ExportFormats, col.Format):
				c.add(path+".format", because(msg.ExportProfileFormat, col.Format, strings.Join(formula.ExportFormats, " / ")))
			}
		}
		p.Columns = append(p.Columns, col)
	}
	if len(pd.Column) > 0 && !amount {
		c.addCode(formula.CodeMissing, "column", because(msg.ExportProfileNoAmount))
	}
	ps = append(ps, c.ps...)
	if len(ps) > 0 {
		l := locate(data)
		for i := range ps {
			ps[i].File = file
			if idx := l.plain[ps[i].Path]; ps[i].Code == formula.CodeUnknownKey && len(idx) == 1 {
				ps[i].Path = idx[0] // column.width → column[3].width
			}
			if ps[i].Line == 0 {
				ps[i].Line = l.find(ps[i].Path)
			}
		}
		return nil, invalid("standards.ParseProfile", ps, nil)
	}
	return p, nil
}

// ProfileNames are the names of the built-in export profiles
// (configs/export/<name>.toml).
func ProfileNames() []string {
	ents, err := configs.FS.ReadDir(configs.ExportDir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	return names
}

// BuiltinProfile is the built-in export profile of that name; ok false
// when there is none.
func BuiltinProfile(name string) (*formula.ExportProfile, bool, error) {
	if !slices.Contains(ProfileNames(), name) {
		return nil, false, nil
	}
	file := configs.ExportDir + "/" + name + ".toml"
	data, err := configs.FS.ReadFile(file)
	if err != nil {
		return nil, true, err
	}
	p, err := ParseProfile(file, data)
	return p, true, err
}
