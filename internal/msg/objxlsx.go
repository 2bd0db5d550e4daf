package msg

// Objections on plans whose sub-districts come from a data workbook
// (issue 21 §2): an accepted correction written into the workbook's
// cells, and a correction the planner made in the data by hand.
var (
	// WbCorrectUnreadable: the data file does not read as the plan reads it.
	WbCorrectUnreadable = def("WbCorrectUnreadable", "数据文件 %s 读取有误,不能写入更正:%s;请在文件中手工更正后点“已在数据中更正”",
		"the data file %s does not read: %s; the correction cannot be written into it: correct it by hand, then mark the objection corrected")
	// WbCorrectNoRow: the 街道 has no row in the data file.
	WbCorrectNoRow = def("WbCorrectNoRow", "数据文件 %s 中没有街道 %s 的行,不能写入更正", "the data file %s has no row for sub-district %s: the correction cannot be written")
	// WbCorrectNoColumn: the key has no column (or no cell) in the data file.
	WbCorrectNoColumn = def("WbCorrectNoColumn", "数据文件 %s 中没有 %s 一列,不能写入更正;请在文件中手工更正后点“已在数据中更正”",
		"the data file %s has no column %s: the correction cannot be written; correct it by hand, then mark the objection corrected")
	// WbCorrectNotNumber: a corrected value that is not a number.
	WbCorrectNotNumber = def("WbCorrectNotNumber", "更正 %s 的值 %s 不是数字", "the corrected value of %s, %s, is not a number")
	// WbCorrectFormula: the cell to correct holds a formula.
	WbCorrectFormula = def("WbCorrectFormula", "单元格 %s 是公式(=%s),不能自动改写;请在工作簿中手工更正后点“已在数据中更正”",
		"the cell %s holds a formula (=%s): it is not overwritten; correct the workbook by hand, then mark the objection corrected")
	// WbCorrectCSVEncoding: a CSV data file not in UTF-8.
	WbCorrectCSVEncoding = def("WbCorrectCSVEncoding", "CSV 数据文件 %s 不是 UTF-8 编码,不能逐字节保留地写入更正;请另存为 UTF-8 或手工更正",
		"the CSV data file %s is not UTF-8: the correction cannot be written keeping its other bytes; save it as UTF-8 or correct it by hand")

	// AppObjectionDataFile: the workbook of the version is not among its files.
	AppObjectionDataFile = def("AppObjectionDataFile", "版本的文件中没有数据工作簿 %s", "the version's files have no data file %s")
	// AppObjectionDiskDiffers: the workbook on disk cannot take the correction.
	AppObjectionDiskDiffers = def("AppObjectionDiskDiffers", "方案文件夹中的数据文件 %s 不能写入更正:", "the data file %s in the plans folder cannot take the correction: ")
	// AppObjectionDiskWrite: writing the corrected workbook failed.
	AppObjectionDiskWrite = def("AppObjectionDiskWrite", "写入更正后的数据文件", "write the corrected data file")

	// AppObjectionCorrected: an objection's status: corrected in the data by hand.
	AppObjectionCorrected = def("AppObjectionCorrected", "已在数据中更正", "corrected in the data")
	// ObjectionCorrectedNote: a corrected objection with the planner's note.
	ObjectionCorrectedNote = def("ObjectionCorrectedNote", "已在数据中更正：%s", "corrected in the data: %s")
	// ActObjectionCorrected: the audit log's action.
	ActObjectionCorrected = def("ActObjectionCorrected", "异议已在数据中更正", "mark an objection corrected in the data")
	// OutObjectionCorrected: caili objection corrected.
	OutObjectionCorrected = def("OutObjectionCorrected", "%s 异议 %d(%s)已标记为已在数据中更正", "%s objection %d (%s) marked corrected in the data")
	// FlagCorrectedNote, FlagObjectionPlans: caili objection's flags.
	FlagCorrectedNote  = def("FlagCorrectedNote", "说明（已在数据中更正时）", "the note (corrected)")
	FlagObjectionPlans = def("FlagObjectionPlans", "方案文件夹:采纳时一并更正其中的数据工作簿（旧文件留副本）", "the plans folder: accept also corrects its data workbook (a copy of the old one is kept)")
)
