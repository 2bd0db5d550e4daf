package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/atomicfile"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/report/xlsx"
	"github.com/caili/caili/standards"
)

// cmdExport writes the 预算管理一体化 export (issue 24 §2,
// docs/classification.md): one row per 街道 × line, laid out by an export
// profile, as CSV or xlsx by --out's extension.
func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", stderr)
	var pf planFlags
	pf.register(fs, true)
	profile := fs.String("profile", "yitihua", msg.FlagExportProfile)
	out := fs.String("out", "", msg.FlagExportOut)
	encoding := fs.String("encoding", "utf-8", msg.FlagExportEncoding)
	if err := parse(fs, args); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".csv" && ext != ".xlsx" {
		return usagef(msg.CmdExportNeedsOut)
	}
	gb := false
	switch strings.ToLower(*encoding) {
	case "utf-8", "utf8":
	case "gb18030", "gbk":
		if ext != ".csv" {
			return usagef(msg.CmdEncodingCSV, *encoding)
		}
		gb = true
	default:
		return usageChoice("--encoding", []string{"utf-8", "gb18030"}, *encoding)
	}
	prof, err := loadProfile(*profile)
	if err != nil {
		return err
	}
	res, err := pf.compute()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if ext == ".xlsx" {
		err = xlsx.WriteExport(&buf, res, prof)
	} else {
		err = report.WriteExportCSV(&buf, res, prof, report.CSVOptions{GB18030: gb})
	}
	if err != nil {
		return err
	}
	if err := atomicfile.Replace(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// loadProfile is the built-in profile of that name or, for a name ending
// in .toml, the profile in that file.
func loadProfile(name string) (*formula.ExportProfile, error) {
	if strings.HasSuffix(strings.ToLower(name), ".toml") {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("--profile: %w", err)
		}
		return standards.ParseProfile(name, data)
	}
	p, ok, err := standards.BuiltinProfile(name)
	if !ok {
		return nil, usagef(msg.ExportProfileUnknown, name, strings.Join(standards.ProfileNames(), ", "))
	}
	return p, err
}
