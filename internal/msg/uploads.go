package msg

// Messages of bounded uploads (issue 20 §6, §8): the limits a workbook or
// CSV file meets while it is read, the upload pool of the server, and
// data files that lead out of a plan's folder.
var (
	// WbPartTooBig: a part of a workbook that unpacks to too much.
	WbPartTooBig = def("WbPartTooBig", "工作簿的部件 %s 解压后超过 %d MiB", "the workbook's part %s unpacks to too much (more than %d MiB)")
	// WbTooManyParts: a workbook (zip) of too many parts.
	WbTooManyParts = def("WbTooManyParts", "工作簿包含的部件超过 %d 个", "the workbook has too many parts (more than %d)")
	// WbTooManyShared: a workbook of too many shared strings.
	WbTooManyShared = def("WbTooManyShared", "工作簿的共享字符串超过 %d 个", "too many shared strings (more than %d)")
	// WbSharedTooBig: shared strings of too many bytes in all.
	WbSharedTooBig = def("WbSharedTooBig", "工作簿的共享字符串合计超过 %d MiB", "the shared strings are too long in all (more than %d MiB)")
	// WbSharedTooLong: one shared string too long.
	WbSharedTooLong = def("WbSharedTooLong", "工作簿的第 %d 个共享字符串超过 %d 个字符", "shared string %d is longer than %d characters")
	// WbCellTooLong: one cell's text too long.
	WbCellTooLong = def("WbCellTooLong", "单元格文字超过 %d 个字符", "the cell's text is longer than %d characters")
	// WbCSVLineTooLong: one CSV line too long.
	WbCSVLineTooLong = def("WbCSVLineTooLong", "第 %d 行超过 %d KiB", "line %d is longer than %d KiB")
	// WbBadXML: a part of a workbook that is not well-formed where it
	// matters (an unknown entity, a document type).
	WbBadXML = def("WbBadXML", "工作簿的部件 %s 格式有误", "the workbook's part %s is not valid XML")
	// WbExternalLink: a formula reading another workbook, whose cached
	// value is not taken.
	WbExternalLink = def("WbExternalLink", "%s 是引用其他工作簿的公式 %s;其中的值不会随来源更新,请改填数值",
		"%s: a formula reading another workbook (%s); its stored value does not follow its source, type the value")
	// WbNameDiffers: a sub-district named differently on two sheets.
	WbNameDiffers = def("WbNameDiffers", "街道 %s 在 %s 的名称 %s 与 %s 的 %s 不一致",
		"sub-district %s: its name on %s (%s) differs from the one on %s (%s)")
	// ServerUploadBusy: the upload pool's queue is full.
	ServerUploadBusy = def("ServerUploadBusy", "服务器正忙于处理其他上传,请稍后重试", "the server is busy with other uploads; try again shortly")
	// StdLinkOutside: why a standards or data file was not read: it
	// leads (through a symbolic link) out of the plan's folder.
	StdLinkOutside = def("StdLinkOutside", ":它（经符号链接）指向方案所在文件夹之外,未读取",
		": it leads (through a symbolic link) outside the plan's folder, and was not read")
)
