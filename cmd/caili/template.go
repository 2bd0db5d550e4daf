package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// cmdTemplate writes the data-collection workbook of a plan (see
// docs/workbooks.md): to --out (default subdistricts.xlsx, or
// subdistricts-ID.xlsx for one 街道's copy), atomically; a name ending in
// .csv gives the CSV shape; `--out -` writes to standard output.
func cmdTemplate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("template", stderr)
	var pf planFlags
	var id, out string
	pf.register(fs, false)
	fs.StringVar(&id, "subdistrict", "", msg.FlagTemplateSub)
	fs.StringVar(&out, "out", "", msg.FlagTemplateOut)
	force := fs.Bool("force", false, msg.FlagTemplateForce)
	if err := parse(fs, args); err != nil {
		return err
	}
	// The template of a plan without sub-districts, or whose data file
	// is yet to be written, has empty rows to fill in.
	doc, err := pf.load(standards.DataOptional())
	if err != nil {
		return err
	}
	if id != "" { // by id or name (docs/names.md)
		if id, err = app.ResolveRef(doc, "", standards.TableSubdistrict, id); err != nil {
			return err
		}
	}
	if out == "" {
		out = "subdistricts.xlsx"
		if id != "" {
			out = "subdistricts-" + id + ".xlsx"
		}
	}
	format := workbook.XLSX
	switch ext := strings.ToLower(filepath.Ext(out)); {
	case ext == ".csv":
		format = workbook.CSV
	case ext != ".xlsx" && out != "-":
		return usagef(msg.CmdTemplateOut, out)
	}
	// A filled workbook is not overwritten with a blank one by mistake.
	if _, err := os.Stat(out); err == nil && out != "-" && !*force {
		return usagef(msg.CmdTemplateExists, out)
	}
	p, err := doc.Tables()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := workbook.Template(&buf, p, workbook.TemplateOptions{Subdistrict: id, Format: format}); err != nil {
		return err
	}
	if out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.Replace(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	n := len(p.Subdistricts)
	if id != "" {
		n = 1
	}
	return say(stderr, msg.OutTemplateWrote, out, n)
}
