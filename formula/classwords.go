package formula

// The words of the 预算管理一体化 classification (docs/classification.md):
// the values a plan writes for a project class and a 资金性质, and the
// names the export gives the kinds of line. They are the budget system's
// own words, Chinese in every language.

// The project classes (项目类别) of the 一体化 project library.
const (
	ClassPersonnel = "人员类"
	ClassOperation = "运转类"
	ClassSpecific  = "特定目标类"
)

// ProjectClasses are the valid values of a `class` key.
var ProjectClasses = []string{ClassPersonnel, ClassOperation, ClassSpecific}

// FundGeneral is the default 资金性质.
const FundGeneral = "一般公共预算"

// FundKinds are the valid values of a `fund` key.
var FundKinds = []string{FundGeneral, "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"}

// lineKindLabels name the kinds of line in the export, beside
// ComponentLabels: a district-managed line and a transfer's.
var lineKindLabels = map[Stage]string{
	StageManaged:   "区级统管",
	StageTransfers: "专项转移支付",
}
