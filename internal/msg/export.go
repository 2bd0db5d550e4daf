package msg

// Words of the 预算管理一体化 classification and export (caili export,
// issue 24 §1–2, docs/classification.md): the problems of a code, of the
// 科目 table and of an export profile, and the command's flags.
var (
	// BadProjectClass: a class that is not a project class (%q: the
	// value, %s: the classes).
	BadProjectClass = def("BadProjectClass", "项目类别 %q 无效, 须为 %s 之一", "project class %q is not one of %s")
	// BadFund: a 资金性质 that is not one (%q: the value, %s: the kinds).
	BadFund = def("BadFund", "资金性质 %q 无效, 须为 %s 之一", "fund %q is not one of %s")
	// BadGovEconomicCode: a 政府经济分类 code of the wrong form.
	BadGovEconomicCode = def("BadGovEconomicCode", "政府经济分类科目编码须为以 5 开头的 3 或 5 位数字, 如 \"50101\"（实为 %q）",
		"must be 3 or 5 digits starting with 5, e.g. \"50101\" (got %q)")
	// ExportCannotReadCatalogue: a 科目 table that cannot be read.
	ExportCannotReadCatalogue = def("ExportCannotReadCatalogue", "无法读取科目表 %s", "cannot read the code catalogue %s")
	// ExportCatalogueOutside: a 科目 table outside the plan's folder.
	ExportCatalogueOutside = def("ExportCatalogueOutside", "科目表 %s 必须在方案所在的文件夹内",
		"the code catalogue %s must be inside the plan's folder: no absolute path, no \"..\"")
	// ExportCatalogueYear: a 科目 table's year that is not one.
	ExportCatalogueYear = def("ExportCatalogueYear", "科目表的 year 须为年度, 如 2025", "the catalogue's year must be a year, e.g. 2025")
	// ExportCatalogueCode: a 科目 table's code of the wrong form.
	ExportCatalogueCode = def("ExportCatalogueCode", "科目表中的编码 %q 格式不对: 功能分类为 3、5 或 7 位数字, 经济分类为 3 或 5 位数字",
		"code %q is malformed: a function code has 3, 5 or 7 digits, an economic code 3 or 5")
	// ExportCatalogueName: a 科目 without a name.
	ExportCatalogueName = def("ExportCatalogueName", "科目 %q 的名称为空", "code %q has an empty name")
	// ExportUnknownCode: a code the 科目 table does not hold (%s: the
	// code, %s: the table, %d: its year, %s: the nearest code).
	ExportUnknownCode = def("ExportUnknownCode", "科目 %s 不在科目表 %s（%d年） 中; 最接近的是 %s",
		"code %s is not in the catalogue %s (%d); the nearest is %s")

	// ExportProfileUnknown: --profile names no built-in profile and no
	// file (%q: the name, %s: the built-in ones).
	ExportProfileUnknown = def("ExportProfileUnknown", "没有名为 %q 的导出格式; 内置的有: %s（或给出 .toml 文件）",
		"no export profile %q; built in: %s (or give a .toml file)")
	// ExportProfileCannotRead: a profile file that cannot be read.
	ExportProfileCannotRead = def("ExportProfileCannotRead", "无法读取导出格式文件 %s", "cannot read the export profile %s")
	// ExportProfileNoColumns: a profile without [[column]].
	ExportProfileNoColumns = def("ExportProfileNoColumns", "导出格式须至少有一列 [[column]]", "an export profile needs at least one [[column]]")
	// ExportProfileField: a column's field that is not one (%q: it, %s:
	// the nearest).
	ExportProfileField = def("ExportProfileField", "没有字段 %q; 最接近的是 %s（字段表见 docs/classification.md）",
		"no field %q; the nearest is %s (fields: docs/classification.md)")
	// ExportProfileFormat: a number format that is not one (%q: it, %s:
	// the formats).
	ExportProfileFormat = def("ExportProfileFormat", "数字格式 %q 无效, 须为 %s 之一", "number format %q is not one of %s")
	// ExportProfileFormatText: a format on a text field.
	ExportProfileFormatText = def("ExportProfileFormatText", "只有金额字段 amount 可以设数字格式", "only the amount field takes a number format")
	// ExportProfileHeaderTwice: two columns of one header (%q).
	ExportProfileHeaderTwice = def("ExportProfileHeaderTwice", "列标题 %q 重复", "column header %q appears twice")
	// ExportProfileNoAmount: a profile without the amount.
	ExportProfileNoAmount = def("ExportProfileNoAmount", "导出格式须有金额列 (field = \"amount\")", "an export profile needs the amount column (field = \"amount\")")
	// ExportSheet is the export workbook's sheet name when the profile
	// gives none.
	ExportSheet = def("ExportSheet", "预算指标", "budget lines")

	// FlagExportProfile describes export's --profile.
	FlagExportProfile = def("FlagExportProfile", "导出格式: 内置名称 (yitihua) 或 TOML 文件", "the export profile: a built-in name (yitihua) or a TOML file")
	// FlagExportOut describes export's --out.
	FlagExportOut = def("FlagExportOut", "写入的文件, .csv 或 .xlsx（必填）", "the file to write, .csv or .xlsx (required)")
	// FlagExportEncoding describes export's --encoding.
	FlagExportEncoding = def("FlagExportEncoding", "CSV 的编码: utf-8（缺省） 或 gb18030", "the CSV's encoding: utf-8 (default) or gb18030")
	// CmdExportUsage is export's usage.
	CmdExportUsage = def("CmdExportUsage", "用法: caili export [--plan F] [--scenario F] [--set path=value]... [--profile yitihua|F.toml] [--encoding utf-8|gb18030] --out F.csv|F.xlsx",
		"usage: caili export [--plan F] [--scenario F] [--set path=value]... [--profile yitihua|F.toml] [--encoding utf-8|gb18030] --out F.csv|F.xlsx")
	// CmdExportNeedsOut asks for --out of a known kind.
	CmdExportNeedsOut = def("CmdExportNeedsOut", "export 需要 --out F.csv 或 --out F.xlsx", "export needs --out F.csv or --out F.xlsx")
)
