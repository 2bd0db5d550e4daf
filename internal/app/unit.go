package app

import (
	"strings"

	"github.com/caili/caili/internal/msg"
)

// unit reads unit=元|万元 (yuan|wan).
func (q *Query) unit(v string) error {
	v = strings.TrimSpace(v)
	switch {
	case v == msg.UnitYuan.In(msg.Zh) || strings.EqualFold(v, msg.UnitYuan.In(msg.En)):
		q.Wan = false
	case v == msg.UnitWan.In(msg.Zh) || strings.EqualFold(v, msg.UnitWan.In(msg.En)):
		q.Wan = true
	default:
		return msg.Choice("unit", []string{msg.UnitYuan.In(msg.Zh), msg.UnitWan.In(msg.Zh)}, v)
	}
	return nil
}

// by reads by=auto|override|group.
func (q *Query) by(v string) error {
	if v != "auto" && v != "override" && v != "group" {
		return msg.Choice("by", []string{"auto", "override", "group"}, v)
	}
	q.By = v
	return nil
}
