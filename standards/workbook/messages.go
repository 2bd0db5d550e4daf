package workbook

import (
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
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

// words is what a problem says: messages of the table (package msg)
// with their arguments, rendered in a language where it is shown.
type words = []formula.Words

// say is what m says with args.
func say(m msg.Message, args ...any) words { return words{m.Words(args...)} }

// sayWith is what m says with args and then, as its last argument, w
// (said in the same language).
func sayWith(m msg.Message, w words, args ...any) words {
	return say(m, append(args[:len(args):len(args)], w)...)
}

// none reports whether w says nothing.
func none(w words) bool { return len(w) == 0 }

// clip shortens text quoted back in a message.
func clip(s string) string { return textutil.Clip(s, 40) }

// quote writes text a person typed for a message, clipped.
func quote(s string) string { return "“" + clip(s) + "”" }

// The messages, one function a kind of problem.

func msgNotNumber(c *column, v cell) words {
	return say(msg.WbNotNumber, c.named(), quote(v.display()))
}

func msgDigits(c *column, v cell) words {
	return say(msg.WbDigits, c.named(), maxIntDigits, maxFracDigits, quote(v.display()))
}

func msgNegative(c *column, d string) words { return say(msg.WbNegative, c.named(), d) }

func msgNotInteger(c *column, d string) words { return say(msg.WbNotInteger, c.named(), d) }

func msgKind(c *column, v cell) words {
	switch v.kind {
	case cellBool:
		return say(msg.WbBool, c.named(), v.display())
	case cellError:
		return say(msg.WbErrorValue, c.named(), clip(v.text))
	case cellDate:
		return say(msg.WbDate, c.named(), clip(dateText(v.text)))
	}
	return msgNotNumber(c, v)
}

func msgNoValue(c *column, v cell) words { return say(msg.WbNoValue, c.named(), quote(v.display())) }

func msgMissingQuantity(c *column) words {
	return say(msg.WbMissingQuantity, c.named(), strings.Join(c.uses, ";"))
}

func msgMissing(c *column) words { return say(msg.WbMissing, c.named()) }

func msgMissingID() words { return say(msg.WbMissingID) }

func msgBadID(id string) words { return say(msg.WbBadID, quote(id)) }

func msgDuplicateID(id, first string) words { return say(msg.WbDuplicateID, quote(id), first) }

func msgRating(c *column, v string, list []string) words {
	if len(list) == 0 {
		return say(msg.WbRatingNoTable, c.named(), quote(v))
	}
	return say(msg.WbRatingUnknown, c.named(), quote(v), strings.Join(list, "、"))
}

func msgUnknownColumn(key, hint string) words {
	if hint != "" {
		return say(msg.WbUnknownColumnNear, quote(key), hint)
	}
	return say(msg.WbUnknownColumn, quote(key))
}

func msgUnheaded(col string, v cell) words { return say(msg.WbUnheaded, col, quote(v.display())) }

func msgRepeatedColumn(key, first string) words { return say(msg.WbRepeatedColumn, quote(key), first) }

func msgMissingColumn(c *column) words { return say(msg.WbMissingColumn, c.named(), c.key) }

func msgNoHeader(sheet string) words { return sayWith(msg.WbNoHeader, sheetName(sheet)) }

func msgNoRows() words { return say(msg.WbNoRows) }

func msgNoSheet(name string, have []string) words {
	return say(msg.WbNoSheet, name, strings.Join(clipAll(have), "、"))
}

func msgRowNotInData(id, hint string) words {
	if hint != "" {
		return say(msg.WbRowNotInDataNear, quote(id), SheetData, hint)
	}
	return say(msg.WbRowNotInData, quote(id), SheetData)
}

func msgRowMissing(sheet, id string) words { return say(msg.WbRowMissing, sheet, quote(id)) }

func msgNotInPlan(id, hint string) words {
	if hint != "" {
		return say(msg.WbNotInPlanNear, quote(id), hint)
	}
	return say(msg.WbNotInPlan, quote(id))
}

func msgZeroIndicator(c *column) words { return say(msg.WbZeroIndicator, c.named()) }

// msgTooLong and msgTooWide take the sheet's name first, in each
// language, then the limit.
func msgTooLong(sheet string) words {
	return say(msg.WbTooLong, sheetName(sheet), MaxRows)
}

func msgTooWide(sheet string) words {
	return say(msg.WbTooWide, sheetName(sheet), MaxColumns)
}

func msgTooBig(n int) words { return say(msg.WbTooBig, n, MaxFileBytes>>20) }

// sheetName names a sheet in a message; a CSV file has none.
func sheetName(sheet string) words {
	if sheet == "" {
		return say(msg.WbFile)
	}
	return say(msg.WbSheet, sheet)
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
