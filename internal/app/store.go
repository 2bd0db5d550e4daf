package app

import (
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// StatusText is the Chinese label of a version state: 草案, 已审批, 已发布.
func StatusText(st string) string {
	if w, ok := caili.StatusWords(st).(caili.Text); ok {
		return msg.Text(msg.Zh, w)
	}
	return st
}
