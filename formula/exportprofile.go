package formula

// ExportProfile is the column layout of an export (docs/classification.md,
// export profiles): which field each column shows, under which header,
// in which order, and the amount's number format. Package standards reads
// one from TOML.
type ExportProfile struct {
	Name    string
	Sheet   string // the workbook's sheet name; empty: the default
	Columns []ExportColumn
}

// ExportColumn is one column of an export profile.
type ExportColumn struct {
	Header string
	Field  string // one of ExportFields
	Format string // the amount's number format (ExportFormats); empty: "0"
}

// ExportFormats are the number formats an amount column may take, as
// spreadsheets spell them; a CSV writes the decimals and no separators.
var ExportFormats = []string{"0", "0.00", "#,##0", "#,##0.00"}

// FormatDecimals is how many decimals format f shows.
func FormatDecimals(f string) int32 {
	if f == "0.00" || f == "#,##0.00" {
		return 2
	}
	return 0
}
