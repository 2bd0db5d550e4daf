package msg

// Messages of package standards/workbook: sub-district data read from a
// workbook or a CSV file. Most begin with the column, as the workbook
// names it: 常住人口 (population).
var (
	// WbNotNumber: a cell that is not a number.
	WbNotNumber = def("WbNotNumber", "%s 不是数字 (%s)", "%s: not a number (%s)")
	// WbDigits: a number of too many digits.
	WbDigits = def("WbDigits", "%s 位数过多:整数部分最多 %d 位、小数部分最多 %d 位 (%s)",
		"%s: too many digits: at most %d before the decimal point and %d after (%s)")
	// WbNegative: a negative number.
	WbNegative = def("WbNegative", "%s 不能为负数 (%s)", "%s: must not be negative (%s)")
	// WbNotInteger: a headcount with a fraction.
	WbNotInteger = def("WbNotInteger", "%s 须为整数 (%s)", "%s: a headcount must be a whole number (%s)")
	// WbBool: a boolean cell.
	WbBool = def("WbBool", "%s 是逻辑值 %s,不是数字", "%s: a boolean (%s), not a number")
	// WbErrorValue: a cell holding an error value (#DIV/0!).
	WbErrorValue = def("WbErrorValue", "%s 是错误值 %s", "%s: the cell is an error value (%s)")
	// WbDate: a date cell.
	WbDate = def("WbDate", "%s 是日期 %s,不是数字;请把单元格格式改为“常规”或“数值”后重新填写",
		"%s: a date (%s), not a number; format the cell as General or Number and type the value again")
	// WbNoValue: a formula saved without its value.
	WbNoValue = def("WbNoValue", "%s 是公式 %s,但文件中没有它的计算结果;请在 Excel 或 WPS 中重新计算并保存,或改填数值",
		"%s: a formula (%s) saved without its value; recalculate and save it in Excel or WPS, or type the value")
	// WbMissingQuantity: an empty cell of a quantity a standard reads.
	WbMissingQuantity = def("WbMissingQuantity", "%s 缺少数值（%s）", "%s: missing: a standard reads it (%s)")
	// WbMissing: an empty cell that must be filled.
	WbMissing = def("WbMissing", "%s 不能为空", "%s: missing")
	// WbMissingID: a row with values and no id.
	WbMissingID = def("WbMissingID", "缺少街道编码 (id);合计行、备注行请删除", "a row with values but no id; delete total and note rows")
	// WbBadID: an id of the wrong form.
	WbBadID = def("WbBadID", "街道编码 %s 不合格式:须以小写字母开头,只含小写字母、数字、_ 和 -（如 desheng）",
		"id %s: an id starts with a lower-case letter and has only a-z, 0-9, _ and - (e.g. desheng)")
	// WbDuplicateID: an id in two rows.
	WbDuplicateID = def("WbDuplicateID", "街道编码 %s 重复,已在 %s 出现", "duplicate id %s (first at %s)")
	// WbRatingNoTable: a rating where the plan has no coefficients.
	WbRatingNoTable = def("WbRatingNoTable", "%s %s 无效:本方案未设该项系数", "%s %s: the plan has no coefficients for it")
	// WbRatingUnknown: a rating the coefficients do not list.
	WbRatingUnknown = def("WbRatingUnknown", "%s %s 不在系数表中;可选:%s", "%s %s: no such rating; the ratings are: %s")
	// WbUnknownColumn: an id-row heading that names no column.
	WbUnknownColumn = def("WbUnknownColumn", "未知的列 %s;各列的编码见 说明 表", "unknown column %s; the sheet 说明 lists the columns' ids")
	// WbUnknownColumnNear: the same, with the nearest column.
	WbUnknownColumnNear = def("WbUnknownColumnNear", "未知的列 %s;您是不是要找 %s?", "unknown column %s; did you mean %s?")
	// WbUnheaded: a value in a column without an id.
	WbUnheaded = def("WbUnheaded", "%s 列没有编码,却有数值 %s;是否某行多了一个分隔符,或在表旁填了数?",
		"a value in a column without an id (column %s: %s); a row with one separator too many, or a number typed beside the table?")
	// WbRepeatedColumn: a column given twice.
	WbRepeatedColumn = def("WbRepeatedColumn", "列 %s 重复,已在 %s 列", "a column given twice: %s (first in column %s)")
	// WbMissingColumn: a column the plan needs that the sheet lacks.
	WbMissingColumn = def("WbMissingColumn", "缺少列 %s（编码行应有 %s）", "missing column %s (the id row should have %s)")
	// WbNoHeader: a sheet without its id row (%s: WbSheet or WbFile).
	WbNoHeader = def("WbNoHeader", "%s 找不到编码行:表头须有一行写着各列的编码,第一列为 id",
		"%s: no id row: a header row of column ids, starting with id")
	// WbNoRows: no sub-district rows.
	WbNoRows = def("WbNoRows", "没有街道数据行", "no sub-district rows")
	// WbNoSheet: a sheet the workbook lacks.
	WbNoSheet = def("WbNoSheet", "缺少工作表 %s（工作簿中有:%s）", "missing sheet %s (the workbook has: %s)")
	// WbRowNotInData: a row of a sub-district the data sheet lacks.
	WbRowNotInData = def("WbRowNotInData", "街道编码 %s 不在 %s 表中", "no such sub-district %s in the data sheet %s")
	// WbRowNotInDataNear: the same, with the nearest 街道 of the data sheet.
	WbRowNotInDataNear = def("WbRowNotInDataNear", "街道编码 %s 不在 %s 表中;您是不是要找 %s?", "no such sub-district %s in the data sheet %s; did you mean %s?")
	// WbRowMissing: a sub-district without a row in a sheet.
	WbRowMissing = def("WbRowMissing", "%s 表缺少街道 %s 的行", "sheet %s has no row for the sub-district %s")
	// WbNotInPlan: a merge of a sub-district the plan lacks.
	WbNotInPlan = def("WbNotInPlan", "方案中没有街道 %s;合并只更新已有的街道（增删街道请整体导入,不加 --merge）",
		"no such sub-district %s in the plan; a merge only updates the sub-districts it has (import without --merge to add or remove them)")
	// WbNotInPlanNear: the same, with the nearest sub-district.
	WbNotInPlanNear = def("WbNotInPlanNear", "方案中没有街道 %s（您是不是要找 %s?）;合并只更新已有的街道（增删街道请整体导入,不加 --merge）",
		"no such sub-district %s in the plan (did you mean %s?); a merge only updates the sub-districts it has (import without --merge to add or remove them)")
	// WbZeroIndicator: an indicator column zero everywhere.
	WbZeroIndicator = def("WbZeroIndicator", "%s 在所有街道都为 0,因素法无法按它分配", "%s: zero in every sub-district")
	// WbTooLong: a sheet of too many rows (%s: WbSheet or WbFile).
	WbTooLong = def("WbTooLong", "%s 超过 %d 行", "%s: too many rows (more than %d)")
	// WbTooWide: a sheet of too many columns.
	WbTooWide = def("WbTooWide", "%s 超过 %d 列", "%s: too many columns (more than %d)")
	// WbTooBig: a file too large.
	WbTooBig = def("WbTooBig", "文件过大:%d 字节,最多 %d MiB", "file too large: %d bytes, at most %d MiB")
	// WbSheet names a sheet in a message.
	WbSheet = def("WbSheet", "工作表 %s", "sheet %s")
	// WbFile names a CSV file, which has no sheet, in a message.
	WbFile = def("WbFile", "文件", "the file")
	// WbMoreProblems: problems beyond those listed.
	WbMoreProblems = def("WbMoreProblems", "另有 %d 个问题未列出", "more problems not listed (%d)")

	// WbXLS: an .xls or encrypted workbook.
	WbXLS = def("WbXLS", "不能读取 .xls 或加密的工作簿;请另存为 .xlsx 或 CSV(UTF-8)",
		"cannot read .xls or encrypted workbooks; save as .xlsx or CSV")
	// WbNotXLSX: a file named .xlsx that is not one.
	WbNotXLSX = def("WbNotXLSX", "不是有效的 .xlsx 工作簿", "not a valid .xlsx workbook")
	// WbNotXLSXBecause: the same, with the reader's reason.
	WbNotXLSXBecause = def("WbNotXLSXBecause", "不是有效的 .xlsx 工作簿:%v", "not a valid .xlsx workbook: %v")
	// WbUnzipTooBig: a workbook that unpacks to too much.
	WbUnzipTooBig = def("WbUnzipTooBig", "工作簿解压后超过 %d MiB", "the workbook unpacks to too much (more than %d MiB)")
	// WbCannotOpen: a workbook that cannot be opened.
	WbCannotOpen = def("WbCannotOpen", "无法打开工作簿:%v", "cannot open the workbook: %v")
	// WbTooManyCells: a workbook of too many cells.
	WbTooManyCells = def("WbTooManyCells", "工作簿的单元格超过 %d 个", "too many cells (more than %d)")
	// WbCannotReadSheet: a sheet that cannot be read, and why.
	WbCannotReadSheet = def("WbCannotReadSheet", "无法读取工作表 %s:%s", "cannot read the sheet %s: %s")
	// WbNoSheetPart: a sheet whose content the workbook lacks.
	WbNoSheetPart = def("WbNoSheetPart", "找不到工作表的内容", "no worksheet part")
	// WbTooManyMerges: a sheet of too many merged ranges.
	WbTooManyMerges = def("WbTooManyMerges", "合并单元格过多", "too many merged ranges")
	// WbCSVUTF16: a CSV file that is not valid UTF-16.
	WbCSVUTF16 = def("WbCSVUTF16", "无法按 UTF-16 读取文件", "cannot decode UTF-16")
	// WbCSVEncoding: a CSV file neither UTF-8 nor GBK.
	WbCSVEncoding = def("WbCSVEncoding", "文件既不是 UTF-8 也不是 GBK 编码", "neither UTF-8 nor GBK")
	// WbCSVBinary: a CSV file with NUL bytes.
	WbCSVBinary = def("WbCSVBinary", "文件含有空字节,不是文本文件;工作簿请存为 .xlsx", "not a text file; save a workbook as .xlsx")
	// WbCSVSyntax: CSV that cannot be parsed.
	WbCSVSyntax = def("WbCSVSyntax", "CSV 格式有误:%v", "not valid CSV: %v")
	// WbLabelled puts a column's label before a rule's problem.
	WbLabelled = def("WbLabelled", "%s:%s", "%s: %s")
)

// Messages of the data-collection template and of a merge, said where
// standards/workbook writes a template or lists a merge's changes. They
// are said in Chinese with English in brackets, as the command line has
// always shown them, so they are rendered with Zh.
var (
	// WbWriteWorkbook: a template workbook that could not be written (the cause follows).
	WbWriteWorkbook = def("WbWriteWorkbook", "写工作簿失败 (write workbook)", "write workbook")
	// WbWriteCSV: a template CSV file that could not be written (the cause follows).
	WbWriteCSV = def("WbWriteCSV", "写 CSV 失败 (write CSV)", "write CSV")
	// WbNoSubdistrict: a template asked for a sub-district the plan lacks; the hint (WbNoSubdistrictNear) follows the name.
	WbNoSubdistrict = def("WbNoSubdistrict", "方案中没有街道 %s%s (no such sub-district)", "no such sub-district %s%s")
	// WbNoSubdistrictNear: the nearest sub-district to the one asked for.
	WbNoSubdistrictNear = def("WbNoSubdistrictNear", "（您是不是要找 %s?）", " (did you mean %s?)")
	// WbSharedFormula stands for the text of a shared formula saved without its value.
	WbSharedFormula = def("WbSharedFormula", "（共享公式 shared formula）", "(shared formula)")
	// WbChangeAdded: a merge adds a sub-district (its name and id).
	WbChangeAdded = def("WbChangeAdded", "新增街道 %s (added)", "added sub-district %s")
	// WbChangeRemoved: a merge removes a sub-district (its name and id).
	WbChangeRemoved = def("WbChangeRemoved", "删除街道 %s (removed)", "removed sub-district %s")
	// WbNoValueShown stands for an empty value in a merge's change.
	WbNoValueShown = def("WbNoValueShown", "（空）", "(none)")
)
