package app

import "github.com/caili/caili/internal/caili"

// Chinese labels of the record's roles and audit actions, for the pages
// that show them (the dashboard's 版本, 申诉 and 审计日志 pages).

// RoleText is the Chinese label of a role: 规划员, 审批人, 街道, 管理员.
func RoleText(r caili.Role) string {
	switch r {
	case caili.RolePlanner:
		return "规划员"
	case caili.RoleApprover:
		return "审批人"
	case caili.RoleSubdistrict:
		return "街道"
	case caili.RoleAdmin:
		return "管理员"
	}
	return string(r)
}

// actionText are the Chinese labels of the audit log's actions.
var actionText = map[string]string{
	"version.save":         "保存草案",
	"version.approve":      "审批",
	"version.publish":      "发布",
	"objection.file":       "提出申诉",
	"objection.accept":     "采纳申诉",
	"objection.reject":     "驳回申诉",
	"scenario.put":         "保存情景",
	"scenario.delete":      "删除情景",
	"scenario.import":      "导入情景",
	"scenario.import-done": "导入旧情景文件",
	"token.create":         "创建令牌",
	"token.revoke":         "吊销令牌",
}

// ActionText is the Chinese label of an audit action (version.publish:
// 发布); an action it does not know is given back as it is.
func ActionText(action string) string {
	if t, ok := actionText[action]; ok {
		return t
	}
	return action
}
