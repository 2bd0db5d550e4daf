package msg

// Messages of a plan, standards or scenario file that is not valid TOML,
// in place of the decoder's own English (standards/syntax.go maps each
// of its messages to one of these). Each names the column; the line is
// the problem's.
var (
	// SynAt frames a syntax problem: the column, then what is wrong.
	SynAt = def("SynAt", "TOML 格式错误（第 %d 列）:%s", "not valid TOML (column %d): %s")
	// SynOther: a syntax problem no message below names.
	SynOther = def("SynOther", "无法解析此行,请对照 TOML 格式检查引号、括号、等号和逗号",
		"this line cannot be read; check its quotes, brackets, equals signs and commas")

	// SynOneItem … SynDatetime: what the decoder found wrong.
	SynOneItem = def("SynOneItem", "一行只能写一个“键 = 值”或一个表头,此处多出了 %s（文本值须加引号）",
		"a line holds one key = value or one table header; %s follows it (text values need quotes)")
	SynKeyName = def("SynKeyName", "键名后应是等号 = 或点 .,却是 %s;中文或带空格的键名须加引号,如 \"德胜街道\" = 1",
		"a key is followed by = or ., not %s; a key in Chinese or with spaces needs quotes, such as \"德胜街道\" = 1")
	SynNoValue = def("SynNoValue", "等号后应写一个值（数字、带引号的文本、true/false、[数组] 或 {表}）,却是 %s",
		"= is followed by a value (a number, quoted text, true or false, an [array] or an {inline table}), not %s")
	SynEOFValue   = def("SynEOFValue", "文件在应写值的地方结束了", "the file ends where a value should be")
	SynEOFKeySep  = def("SynEOFKeySep", "文件在键名之后结束了,缺少 = 和值", "the file ends after a key, without = and a value")
	SynEOFString  = def("SynEOFString", "文本缺少结尾的引号 %s", "a text lacks its closing quote %s")
	SynEOF        = def("SynEOF", "文件意外结束（括号或引号没有配对?）", "the file ends early (a bracket or a quote not closed?)")
	SynDuplicate  = def("SynDuplicate", "键 %s 重复定义", "the key %s is defined twice")
	SynWasTable   = def("SynWasTable", "键 %s 已经是一个表,不能再写作值", "the key %s is already a table and cannot be a value")
	SynWasArray   = def("SynWasArray", "键 %s 已经定义,不能再作为表数组 [[…]] 使用", "the key %s is already defined and cannot be an array of tables [[…]]")
	SynNotTable   = def("SynNotTable", "%s 不是表", "%s is not a table")
	SynComma      = def("SynComma", "此处不应有逗号", "a comma does not belong here")
	SynEquals     = def("SynEquals", "此处不应有等号 =", "an = does not belong here")
	SynBlankKey   = def("SynBlankKey", "等号前缺少键名", "a key is missing before =")
	SynDot        = def("SynDot", "此处不应有点 .（键名不能以点开头）", "a . does not belong here (a key cannot start with one)")
	SynEmptyTable = def("SynEmptyTable", "表名不能为空", "a table name cannot be empty")
	SynTableEnd   = def("SynTableEnd", "表名应以 ] 结束,却是 %s", "a table name ends with ], not %s")
	SynArrayEnd   = def("SynArrayEnd", "表数组名应以 ]] 结束,却是 %s", "an array of tables' name ends with ]], not %s")
	SynArraySep   = def("SynArraySep", "数组的元素之间应以逗号分隔,以 ] 结束,却是 %s", "an array's elements are separated by commas and end with ], not %s")
	SynInlineSep  = def("SynInlineSep", "{…} 中的键值之间应以逗号分隔,以 } 结束,却是 %s", "an inline table's keys are separated by commas and end with }, not %s")
	SynInlineNL   = def("SynInlineNL", "{…} 必须写在同一行", "an inline table {…} is written on one line")
	SynStringNL   = def("SynStringNL", "单行文本中不能换行（多行文本用三引号 \"\"\"）", "a one-line text cannot hold a line break (use triple quotes \"\"\" for several lines)")
	SynFloatDot   = def("SynFloatDot", "小数须以数字开头,如 0.5 而不是 .5", "a decimal starts with a digit: 0.5, not .5")
	SynNumber     = def("SynNumber", "数字写法不对:%s（数字写作 1500、1.5 或 \"1.5\"）", "not a number: %s (write 1500, 1.5 or \"1.5\")")
	SynRange      = def("SynRange", "数字 %s 超出范围（很大的数请写成带引号的文本,如 \"123456789012345678901\"）", "the number %s is out of range (write a large number as quoted text)")
	SynEscape     = def("SynEscape", "文本中的转义 %s 无效（反斜杠 \\ 要写成 \\\\）", "the escape %s is not valid in a text (write a backslash as \\\\)")
	SynControl    = def("SynControl", "文件含有控制字符 %s", "the file holds the control character %s")
	SynDatetime   = def("SynDatetime", "日期时间写法不对:%s", "not a date or time: %s")
)

// SynLineBreak names a line break where the decoder expected something.
var SynLineBreak = def("SynLineBreak", "换行", "a line break")
