package plangen

// The catalogue the generator draws from: quantities, staff categories,
// quotas, project themes, tiers and the tables every plan shares.

// quantity is a per-sub-district input. Values are integers in units of
// 10^-scale; mean is the typical value for a sub-district of size 1000‰.
type quantity struct {
	name  string
	mean  int64
	scale int  // decimal places when printed (0: integer)
	basis bool // may appear in a project basis
}

var quantities = []quantity{
	{"communities", 15, 0, true},
	{"hotline_tickets", 25000, 0, true},
	{"market_entities", 8000, 0, true},
	{"area_km2", 350, 2, false},
	{"green_area_m2", 400000, 0, true},
	{"resident_population", 80000, 0, true},
	{"floating_population", 18000, 0, true},
	{"elderly_60plus", 21000, 0, true},
	{"elderly_80plus", 4000, 0, true},
	{"disabled_persons", 1700, 0, true},
	{"households", 33000, 0, true},
	{"vector_area_m2", 1800000, 0, true},
	{"road_area_m2", 400000, 0, true},
	{"alley_area_m2", 150000, 0, true},
	{"bulky_waste_t", 1300, 0, true},
	{"elderly_stations", 8, 0, true},
	{"dry_toilets", 6, 0, true},
	{"parking_spaces", 3000, 0, true},
	{"back_alleys", 70, 0, true},
	{"schools", 12, 0, true},
	{"markets", 6, 0, true},
	{"buildings", 900, 0, true},
	{"official_vehicles", 10, 0, true},
	{"office_area_m2", 10000, 0, true},
}

type staffCat struct {
	id, name  string
	pay       int64 // 元 per head per year
	oncostPct int64 // oncost_rate in percent
	mean      int64 // typical headcount
}

var staffNames = []staffCat{
	{"civil_servant", "公务员", 210000, 36, 100},
	{"public_institution", "事业编", 180000, 34, 55},
	{"community_worker", "社区工作者", 120000, 32, 180},
	{"contract_staff", "编外人员", 85000, 30, 180},
	{"retiree", "离退休人员", 60000, 0, 140},
	{"auxiliary_police", "治安辅警", 90000, 30, 40},
}

type quota struct {
	id, name string
	rate     int64 // 元 per unit of basis
	basis    []string
}

var quotaNames = []quota{
	{"office", "办公经费", 12000, []string{"staff.civil_servant", "staff.public_institution"}},
	{"union_welfare", "工会经费及福利费", 4200, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"training", "培训费", 1500, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"contract_staff_mgmt", "编外人员管理经费", 2000, []string{"staff.contract_staff"}},
	{"community_office", "社区办公经费", 200000, []string{"communities"}},
	{"retiree_public", "离退休公用经费", 2400, []string{"staff.retiree"}},
	{"vehicle", "公务用车运行维护费", 30000, []string{"official_vehicles"}},
	{"office_property", "办公用房物业费", 60, []string{"office_area_m2"}},
	{"utilities", "水电费", 45, []string{"office_area_m2"}},
	{"meetings", "会议费", 800, []string{"staff.civil_servant"}},
	{"travel", "差旅费", 3000, []string{"staff.civil_servant", "staff.public_institution"}},
	{"printing", "印刷费", 600, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"it_maintenance", "信息化运维费", 1200, []string{"staff.civil_servant", "staff.public_institution", "staff.community_worker"}},
	{"canteen", "食堂补助", 2400, []string{"staff.civil_servant", "staff.public_institution"}},
}

var projectThemes = []string{
	"病媒生物防制", "绿化养护", "大件垃圾清运", "老年助餐", "旱厕改造", "停车自治",
	"养老驿站", "道路清扫保洁", "街巷准物业服务", "社区党群服务中心运行",
	"残疾人温馨家园", "垃圾分类", "平安建设", "治安巡防", "背街小巷整治", "社区文化活动",
}

type project struct {
	id, name  string
	costCents int64 // unit_cost in cents
	basis     []int // indexes into quantities
	tier      string
}

type subdistrict struct {
	id, name   string
	rating     string
	adjust     bool
	heads      []int64 // per staff category
	payrollCat int     // -1: none
	payroll    int64
	q          []int64 // per quantity, in units of 10^-scale
	tax, prev  int64
	lastYear   int64
}

// tiers are the project tiers, mandatory first.
var tiers = []string{"mandatory", "A", "B", "C", "D"}

// labelTable names the quantities in Chinese ([quantity_labels]), so that
// the generated plans' line text names them as a real plan's would.
const labelTable = `[quantity_labels]
communities         = { name = "社区数", unit = "个" }
hotline_tickets     = { name = "接诉即办工单量", unit = "件" }
market_entities     = { name = "登记市场主体数", unit = "户" }
area_km2            = { name = "辖区面积", unit = "平方公里" }
green_area_m2       = { name = "绿化养护面积", unit = "平方米" }
resident_population = { name = "常住人口", unit = "人" }
floating_population = { name = "流动人口", unit = "人" }
elderly_60plus      = { name = "60岁以上老年人", unit = "人" }
elderly_80plus      = { name = "80岁以上老年人", unit = "人" }
disabled_persons    = { name = "持证残疾人", unit = "人" }
households          = { name = "户数", unit = "户" }
vector_area_m2      = { name = "病媒防制面积", unit = "平方米" }
road_area_m2        = { name = "道路清扫保洁面积", unit = "平方米" }
alley_area_m2       = { name = "街巷准物业面积", unit = "平方米" }
bulky_waste_t       = { name = "大件垃圾量", unit = "吨" }
elderly_stations    = { name = "养老驿站数", unit = "个" }
dry_toilets         = { name = "待改造旱厕数", unit = "座" }
parking_spaces      = { name = "停车自治车位数", unit = "个" }
back_alleys         = { name = "背街小巷数", unit = "条" }
schools             = { name = "学校数", unit = "所" }
markets             = { name = "农贸市场数", unit = "个" }
buildings           = { name = "楼宇数", unit = "栋" }
official_vehicles   = { name = "公务用车数", unit = "辆" }
office_area_m2      = { name = "办公用房面积", unit = "平方米" }
tax_revenue         = { name = "本年区级税收", unit = "元" }
tax_revenue_prev    = { name = "上年区级税收", unit = "元" }
last_year_total     = { name = "上年可支配财力", unit = "元" }

`

// fixedTables are the factors and the performance adjustment, the same
// in every generated plan.
const fixedTables = `[[factor]]
id = "workload"
name = "工作任务量"
weight = "0.4"
  [[factor.indicator]]
  quantity = "communities"
  weight = "0.3"
  [[factor.indicator]]
  quantity = "hotline_tickets"
  weight = "0.4"
  [[factor.indicator]]
  quantity = "market_entities"
  weight = "0.3"

[[factor]]
id = "area"
name = "辖区面积"
weight = "0.2"
  [[factor.indicator]]
  quantity = "area_km2"
  weight = "0.7"
  [[factor.indicator]]
  quantity = "green_area_m2"
  weight = "0.3"

[[factor]]
id = "population"
name = "服务人口"
weight = "0.4"
  [[factor.indicator]]
  quantity = "resident_population"
  weight = "0.5"
  [[factor.indicator]]
  quantity = "floating_population"
  weight = "0.2"
  [[factor.indicator]]
  quantity = "elderly_60plus"
  weight = "0.3"

[performance]
mode = "redistribute"
[performance.coefficients]
"优" = "1.05"
"良" = "1.0"
"中" = "0.95"
"差" = "0.85"

`

// planHead is the generated plan's [plan] table up to its fiscal year;
// it takes the number of sub-districts.
const planHead = "[plan]\nname = \"合成测试区 %d 个街道\"\ndistrict = \"合成测试区\"\nfiscal_year = 2025\n"

// The names of what the generator invents beyond the catalogue, each
// numbered: a staff category, a public-cost quota, a sub-district.
const (
	otherStaffName  = "其他人员%02d"
	otherQuotaName  = "其他公用经费%03d"
	subdistrictName = "第%d街道"
)

// ratingDraws are the performance ratings a sub-district is drawn from,
// each as often as it is listed.
var ratingDraws = []string{"优", "良", "良", "中", "优", "良", "中", "良", "差", "良"}
