package formula

// The words of a successor's damping baseline (succession.go): part of
// the explanation line, Chinese in every language, as formula/words.go.
const (
	// wordMergedFrom: a merged 街道's baseline (%s: the year, then the
	// predecessors' names).
	wordMergedFrom = "%s年为原%s合计"
	// wordSplitFrom: a split 街道's baseline (%s: the year, the
	// predecessor's name, the quantity that divided it).
	wordSplitFrom = "%s年为原%s按%s拆分"
	// wordListSep joins names.
	wordListSep = "、"
	// wordNoteOpen and wordNoteClose enclose a note after a citation.
	wordNoteOpen  = "（"
	wordNoteClose = "）"
)
