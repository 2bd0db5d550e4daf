// Package fonts holds the CJK font caili embeds, shared by the charts
// (server/chart) and the PDF notices (internal/report/notice), so that
// the 4.6 MB font is in the binary once. It is a leaf: it imports nothing
// of caili.
package fonts

import _ "embed" // the font is embedded

// cjk is face 0 of Debian's fonts-wqy-microhei TTC (文泉驿微米黑),
// extracted into a standalone TrueType file because golang/freetype and
// fpdf cannot read collections. Its licence is LICENSE-wqy-microhei.txt
// (Apache-2.0 or GPL-3+ with the font exception).
//
//go:embed wqy-microhei.ttf
var cjk []byte

// CJKName is the font's family name, as a PDF names it.
const CJKName = "wqy-microhei"

// CJK returns the TrueType bytes of the CJK font. They are shared: the
// caller must not change them.
func CJK() []byte { return cjk }
