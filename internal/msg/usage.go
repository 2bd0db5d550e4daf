package msg

// The command line's usage (caili help), the one text of help in both
// languages.

// CmdCommands is the list of caili's commands and their flags, the same
// in both languages: the argument of CmdUsage.
const CmdCommands = `  caili calc     [--plan F] [--scenario F] [--set path=value]... [--format table|csv|json|check-xlsx] [--unit 元|万元] [--out F]
  caili validate [--plan F]
  caili explain  [--plan F] [--scenario F] [--set path=value]... --subdistrict ID
                 [--attribute | --against OLDPLAN.toml] [--by auto|override|group]
  caili compare  [--plan F] (--scenario F | --set path=value... | --against OLDPLAN.toml)
                 [--attribute [--by auto|override|group]] [--format table|csv|json] [--unit 元|万元] [--out F]
  caili compare  [--plan F] --scenario A --scenario B... [--set path=value]... [--format table|csv|json|xlsx] [--unit 元|万元] [--out F]
  caili serve    [--addr A] [--plans DIR] [--data DIR]
  caili template [--plan F] [--subdistrict ID] [--out data.xlsx|data.csv|-] [--force]
  caili import   FILE.xlsx|FILE.csv --plan F [--out plan.toml] [--merge]
  caili solve    [--plan F] [--scenario F] [--set path=value]... --target T [--vary PATH] [--find min|max] [--precision U] [--format table|json]
  caili notice   [--plan F] [--data DIR] [--subdistrict ID] [--kind 测算|控制数|批复] [--doc-no 文号] [--date YYYY-MM-DD] [--template F] --out F.pdf
  caili export   [--plan F] [--scenario F] [--set path=value]... [--profile yitihua|F.toml] [--encoding utf-8|gb18030] --out F.csv|F.xlsx  (预算管理一体化)
  caili report   renda [--plan F] [--scenario F] [--set path=value]... --out F.xlsx  (人大 街道财力安排表, 万元)
  caili verify   RESULT.json [--plan F]
  caili plan     save|list|show|diff|approve|publish [--id ID] [--data DIR] …  (docs/records.md)
  caili plan     next --plan F --out NEXT.toml [--data DIR] [--force]  (下年方案, docs/year-data.md)
  caili execution import|report --plan F [--data DIR] …  (执行监控 双监控, docs/year-data.md)
  caili token    create --role planner|approver|subdistrict [--subdistrict ID] | list | revoke ID  [--data DIR]
  caili audit    [--limit N] [--data DIR]
  caili objection list|show|accept|reject --id ID [--reason TEXT] [--data DIR] [N]  (异议, docs/records.md)
  caili year     open|status|submissions|accept|breakdowns|breakdown|publish|diff --id ID [--data DIR] …  (一上二下, docs/year.md)
  caili backup   --out F [--data DIR]
  caili restore  [--replace] [--data DIR] F
  caili sensitivity [--plan F] [--scenario F] [--set path=value]... [--step 10%] [--subdistrict ID] [--format table|csv|json] [--out F]`

// CmdUsage is caili's usage: what it is, the commands (the argument,
// CmdCommands), the exit status and how to choose the language.
var CmdUsage = def("CmdUsage", `caili — 街道可支配财力测算

用法:
%s

不给 --plan 时使用内置的示意西城区方案(数字为示意,非官方数据)。
街道、人员类别、定额、项目、因素和情景都可以用编码或中文名称指定。
退出状态:0 成功;1 方案有错或测算不成立(问题写在标准错误输出);2 用法错误;
130 / 143 被 Ctrl-C / SIGTERM 中止(不写任何文件)。
英文的帮助与错误信息:任何命令加 --lang en(如 caili --lang en help),或设置 CAILI_LANG=en。
`,
	`caili — sub-district disposable funds (街道可支配财力测算)

usage:
%s

Without --plan the illustrative sample district built into caili is used.
Sub-districts, staff categories, quotas, projects, factors and scenarios
may be named by id or by their Chinese name.
Exit status: 0 success, 1 plan rejected (problems on stderr), 2 usage,
130 / 143 stopped by Ctrl-C / SIGTERM (nothing written).
Help and errors are in Chinese by default: --lang en on any command, or
CAILI_LANG=en, for English (--lang wins).
`)
