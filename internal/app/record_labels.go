package app

import (
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// Chinese labels of the record's roles and audit actions, for the pages
// that show them (the dashboard's 版本, 异议 and 审计日志 pages), from the
// message table.

// roleWords are the roles in words.
var roleWords = map[caili.Role]msg.Message{
	caili.RolePlanner: msg.RoleTextPlanner, caili.RoleApprover: msg.RoleTextApprover,
	caili.RoleSubdistrict: msg.RoleTextSubdistrict, caili.RoleAdmin: msg.RoleTextAdmin,
}

// RoleText is the Chinese label of a role: 规划员, 审批人, 街道, 管理员.
func RoleText(r caili.Role) string {
	if m, ok := roleWords[r]; ok {
		return m.In(msg.Zh)
	}
	return string(r)
}

// actionWords are the audit log's actions in words.
var actionWords = map[string]msg.Message{
	"version.save":         msg.ActVersionSave,
	"version.approve":      msg.ActVersionApprove,
	"version.publish":      msg.ActVersionPublish,
	"objection.file":       msg.ActObjectionFile,
	"objection.accept":     msg.ActObjectionAccept,
	"objection.corrected":  msg.ActObjectionCorrected,
	"objection.reject":     msg.ActObjectionReject,
	"scenario.put":         msg.ActScenarioPut,
	"scenario.delete":      msg.ActScenarioDelete,
	"scenario.import":      msg.ActScenarioImport,
	"scenario.import-done": msg.ActScenarioImported,
	"token.create":         msg.ActTokenCreate,
	"token.revoke":         msg.ActTokenRevoke,
}

// ActionText is the Chinese label of an audit action (version.publish:
// 发布); an action it does not know is given back as it is.
func ActionText(action string) string {
	if m, ok := actionWords[action]; ok {
		return m.In(msg.Zh)
	}
	return action
}
