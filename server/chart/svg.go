package chart

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/golang/freetype/truetype"
)

// escapeXML escapes text for XML character data and attributes; go-chart's
// SVG renderer writes text verbatim (see escapingRenderer in render.go).
// Characters XML forbids become U+FFFD.
func escapeXML(s string) string {
	var b strings.Builder
	// xml.EscapeText writes to a strings.Builder, which never fails.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// svgFontFamily is the font stack SVG text asks for: the embedded font by
// its English name, then the usual Chinese system fonts.
const svgFontFamily = `font-family:'WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif`

// fixFontFamily replaces the font family go-chart writes into SVG styles.
// It takes the font's first family name record, which for WenQuanYi is
// Chinese and comes out as "??????"; a browser would not find that font.
// The text go-chart writes is built the same way here, so it is matched
// exactly.
func fixFontFamily(svg []byte, f *truetype.Font) []byte {
	name := f.Name(truetype.NameIDFontFamily)
	if name == "" {
		return svg
	}
	return bytes.ReplaceAll(svg, []byte("font-family:'"+name+"',sans-serif"), []byte(svgFontFamily))
}
