package configs

import _ "embed" // the notice template is embedded

// NoticeTemplate is the default body of the notices caili notice writes
// (notice.tmpl, a Go text/template with the blocks "title", "body" and
// "closing"): a bureau edits a copy and passes it with --template.
//
//go:embed notice.tmpl
var NoticeTemplate string
