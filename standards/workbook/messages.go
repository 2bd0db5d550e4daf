package workbook

import (
	"fmt"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/textutil"
)

// Codes of problems that no code of package formula names.
const (
	// codeUnknownColumn: an id-row heading that names no column of the
	// plan's workbook.
	codeUnknownColumn formula.Code = "unknown_column"
	// codeNoValue: a formula cell saved without its computed value.
	codeNoValue formula.Code = "formula_no_value"
	// codeTooLarge: a file, sheet or cell beyond the limits.
	codeTooLarge formula.Code = "too_large"
)

// say writes a message Chinese first, then English in brackets.
func say(zh, en string) string { return zh + " (" + en + ")" }

// clip shortens text quoted back in a message.
func clip(s string) string { return textutil.Clip(s, 40) }

// quote writes text a person typed for a message, clipped.
func quote(s string) string { return "“" + clip(s) + "”" }

// The messages, one function a kind of problem.

func msgNotNumber(c *column, v cell) string {
	return say(fmt.Sprintf("%s 不是数字 (%s)", c.named(), quote(v.display())), "not a number")
}

func msgDigits(c *column, v cell) string {
	return say(fmt.Sprintf("%s 位数过多:整数部分最多 %d 位、小数部分最多 %d 位 (%s)", c.named(), maxIntDigits, maxFracDigits, quote(v.display())),
		"too many digits")
}

func msgNegative(c *column, d string) string {
	return say(fmt.Sprintf("%s 不能为负数 (%s)", c.named(), d), "must not be negative")
}

func msgNotInteger(c *column, d string) string {
	return say(fmt.Sprintf("%s 须为整数 (%s)", c.named(), d), "a headcount must be a whole number")
}

func msgKind(c *column, v cell) string {
	switch v.kind {
	case cellBool:
		return say(fmt.Sprintf("%s 是逻辑值 %s,不是数字", c.named(), v.display()), "a boolean, not a number")
	case cellError:
		return say(fmt.Sprintf("%s 是错误值 %s", c.named(), clip(v.text)), "the cell is an error value")
	case cellDate:
		return say(fmt.Sprintf("%s 是日期 %s,不是数字;请把单元格格式改为“常规”或“数值”后重新填写", c.named(), clip(dateText(v.text))), "a date, not a number")
	}
	return msgNotNumber(c, v)
}

func msgNoValue(c *column, v cell) string {
	return say(fmt.Sprintf("%s 是公式 %s,但文件中没有它的计算结果;请在 Excel 或 WPS 中重新计算并保存,或改填数值", c.named(), quote(v.display())),
		"a formula saved without its value")
}

func msgMissingQuantity(c *column) string {
	return say(fmt.Sprintf("%s 缺少数值(%s)", c.named(), strings.Join(c.uses, ";")), "missing: a standard reads it")
}

func msgMissing(c *column) string {
	return say(fmt.Sprintf("%s 不能为空", c.named()), "missing")
}

func msgMissingID() string {
	return say("缺少街道编码 (id);合计行、备注行请删除", "a row with values but no id")
}

func msgBadID(id string) string {
	return say(fmt.Sprintf("街道编码 %s 不合格式:须以小写字母开头,只含小写字母、数字、_ 和 -(如 desheng)", quote(id)),
		"an id starts with a lower-case letter and has only a-z, 0-9, _ and -")
}

func msgDuplicateID(id, first string) string {
	return say(fmt.Sprintf("街道编码 %s 重复,已在 %s 出现", quote(id), first), "duplicate id")
}

func msgRating(c *column, v string, list []string) string {
	if len(list) == 0 {
		return say(fmt.Sprintf("%s %s 无效:本方案未设该项系数", c.named(), quote(v)), "the plan has no coefficients for it")
	}
	return say(fmt.Sprintf("%s %s 不在系数表中;可选:%s", c.named(), quote(v), strings.Join(list, "、")), "no such rating")
}

func msgUnknownColumn(key, hint string) string {
	zh := fmt.Sprintf("未知的列 %s", quote(key))
	if hint != "" {
		zh += ";您是不是要找 " + hint + "?"
	} else {
		zh += ";各列的编码见 说明 表"
	}
	return say(zh, "unknown column")
}

func msgUnheaded(col string, v cell) string {
	return say(fmt.Sprintf("%s 列没有编码,却有数值 %s;是否某行多了一个分隔符,或在表旁填了数?", col, quote(v.display())),
		"a value in a column without an id")
}

func msgRepeatedColumn(key, first string) string {
	return say(fmt.Sprintf("列 %s 重复,已在 %s 列", quote(key), first), "a column given twice")
}

func msgMissingColumn(c *column) string {
	return say(fmt.Sprintf("缺少列 %s(编码行应有 %s)", c.named(), c.key), "missing column")
}

func msgNoHeader(sheet string) string {
	return say(fmt.Sprintf("%s 找不到编码行:表头须有一行写着各列的编码,第一列为 id", sheetName(sheet)),
		"no id row: a header row of column ids, starting with id")
}

func msgNoRows() string {
	return say("没有街道数据行", "no sub-district rows")
}

func msgNoSheet(name string, have []string) string {
	return say(fmt.Sprintf("缺少工作表 %s(工作簿中有:%s)", name, strings.Join(clipAll(have), "、")), "missing sheet")
}

func msgRowNotInData(id string) string {
	return say(fmt.Sprintf("街道编码 %s 不在 %s 表中", quote(id), SheetData), "no such sub-district in the data sheet")
}

func msgRowMissing(sheet, id string) string {
	return say(fmt.Sprintf("%s 表缺少街道 %s 的行", sheet, quote(id)), "the sub-district has no row in this sheet")
}

func msgNotInPlan(id, hint string) string {
	zh := fmt.Sprintf("计划中没有街道 %s;合并只更新已有的街道(增删街道请整体导入,不加 --merge)", quote(id))
	if hint != "" {
		zh = fmt.Sprintf("计划中没有街道 %s(您是不是要找 %s?);合并只更新已有的街道(增删街道请整体导入,不加 --merge)", quote(id), hint)
	}
	return say(zh, "no such sub-district in the plan")
}

func msgZeroIndicator(c *column) string {
	return say(fmt.Sprintf("%s 在所有街道都为 0,因素法无法按它分配", c.named()), "zero in every sub-district")
}

func msgTooLong(sheet string) string {
	return say(fmt.Sprintf("%s 超过 %d 行", sheetName(sheet), MaxRows), "too many rows")
}

func msgTooWide(sheet string) string {
	return say(fmt.Sprintf("%s 超过 %d 列", sheetName(sheet), MaxColumns), "too many columns")
}

func msgTooBig(n int) string {
	return say(fmt.Sprintf("文件过大:%d 字节,最多 %d MiB", n, MaxFileBytes>>20), "file too large")
}

// sheetName names a sheet in a message; a CSV file has none.
func sheetName(sheet string) string {
	if sheet == "" {
		return "文件"
	}
	return "工作表 " + sheet
}

func clipAll(ss []string) []string {
	out := make([]string, 0, min(len(ss), 10))
	for i, s := range ss {
		if i == 10 {
			out = append(out, "…")
			break
		}
		out = append(out, clip(s))
	}
	return out
}

// msgUnusedQuantity says what a column of a quantity no standard reads is for.
const msgUnusedQuantity = "本方案的标准未使用此数,照原样保留"
