package msg

// Messages of the command line (cmd/caili): its usage errors and the
// errors of reading its files.
var (
	// CmdProblems: the heading of a list of problems.
	CmdProblems = def("CmdProblems", "caili: %d 个问题:", "caili: %d problem(s):")
	// CmdLang: an unknown --lang or CAILI_LANG.
	CmdLang = def("CmdLang", "语言 %q 不受支持:请用 zh（中文,默认）或 en(English)", "language %q is not supported: use zh (Chinese, the default) or en (English)")
	// CmdNoCommand: no command given.
	CmdNoCommand = def("CmdNoCommand", "没有给出命令", "no command given")
	// CmdUnknownCommand: an unknown command.
	CmdUnknownCommand = def("CmdUnknownCommand", "未知命令 %q", "unknown command %q")
	// CmdUnexpectedArg: an argument the command does not take.
	CmdUnexpectedArg = def("CmdUnexpectedArg", "多余的参数 %q", "unexpected argument %q")
	// CmdChoice: a flag outside its values (the values listed with ", ").
	CmdChoice = def("CmdChoice", "%s 须为以下之一:%s（实为 %q）", "%s must be one of: %s (got %q)")
	// CmdFlagError: a flag whose value the application refuses.
	CmdFlagError = def("CmdFlagError", "%s:%s", "%s: %s")
	// CmdEncodingCSV: --encoding gb18030 without CSV.
	CmdEncodingCSV = def("CmdEncodingCSV", "--encoding %s 只用于 --format csv", "--encoding %s applies to --format csv only")
	// CmdCheckNeedsOut: check-xlsx without --out.
	CmdCheckNeedsOut = def("CmdCheckNeedsOut", "--format check-xlsx 需要 --out 文件（如 --out F.xlsx）", "--format check-xlsx writes a workbook: give --out F.xlsx")
	// CmdExplainNeedsSub: explain without --subdistrict.
	CmdExplainNeedsSub = def("CmdExplainNeedsSub", "explain 需要 --subdistrict 街道编码或名称（如 desheng 或 德胜街道）", "explain needs --subdistrict ID or name (e.g. desheng or 德胜街道)")
	// CmdExplainAttrText: attribution flags with JSON.
	CmdExplainAttrText = def("CmdExplainAttrText", "--attribute 和 --against 只用于 --format text（JSON 请用 caili compare --attribute）", "--attribute and --against go with --format text (for JSON use caili compare --attribute)")
	// CmdCompareFormat: compare with check-xlsx.
	CmdCompareFormat = def("CmdCompareFormat", "compare:--format 须为 table、csv 或 json（check-xlsx 只用于 calc）", "compare: --format must be table, csv or json (check-xlsx is for calc)")
	// CmdByNeedsAttribute: --by without --attribute.
	CmdByNeedsAttribute = def("CmdByNeedsAttribute", "--by 须与 --attribute 一起使用", "--by goes with --attribute")
	// CmdAgainstAlone: --against with overrides.
	CmdAgainstAlone = def("CmdAgainstAlone", "--against 比较两份方案,不能再给 --scenario 或 --set", "--against compares two plans; it takes no --scenario or --set")
	// CmdNeedsWhatIf: a comparison without anything to compare with.
	CmdNeedsWhatIf = def("CmdNeedsWhatIf", "%s 需要 --scenario F、--set 路径=值 或 --against 旧方案.toml", "%s needs --scenario F, --set path=value or --against OLDPLAN.toml")
	// CmdByCodeFormat: --by function_code with check-xlsx.
	CmdByCodeFormat = def("CmdByCodeFormat", "--by 只用于 table、csv 或 json 格式", "--by writes a table, CSV or JSON")
	// CmdSolveFormat: solve with CSV.
	CmdSolveFormat = def("CmdSolveFormat", "solve 的 --format 须为 table 或 json（实为 %q）", "--format must be table or json for solve (got %q)")
	// CmdSolveTarget: solve without --target.
	CmdSolveTarget = def("CmdSolveTarget", "solve 需要 --target（min_capacity、accepted,或比较式如 'tier.A.demand<=cap'）", "solve needs --target (min_capacity, accepted, or a comparison such as 'tier.A.demand<=cap')")
	// CmdPrecision: --precision that is not a number.
	CmdPrecision = def("CmdPrecision", "--precision %q 不是数字", "--precision %q is not a number")
	// CmdImportNeedsFile … CmdVerifyNeedsFile: a command without its one
	// file.
	CmdImportNeedsFile = def("CmdImportNeedsFile", "import 需要一个 .xlsx 或 .csv 文件", "import needs FILE.xlsx or FILE.csv")
	CmdImportNeedsPlan = def("CmdImportNeedsPlan", "import 需要 --plan F", "import needs --plan F")
	CmdVerifyNeedsFile = def("CmdVerifyNeedsFile", "verify 需要一个结果文件 RESULT.json", "verify needs RESULT.json")
	// CmdWhich: a command of subcommands without one (the command and
	// its subcommands).
	CmdWhich = def("CmdWhich", "%s:请给出子命令:%s", "%s: which? %s")
	// CmdUnknownSub: an unknown subcommand.
	CmdUnknownSub = def("CmdUnknownSub", "%s:未知子命令 %q", "%s: unknown subcommand %q")
	// CmdArgCount: a command with the wrong number of arguments.
	CmdArgCount = def("CmdArgCount", "%s 需要 %d 个参数,实为 %d 个", "%s takes %d argument(s), got %d")
	// CmdVersionNumber: a version number that is not one.
	CmdVersionNumber = def("CmdVersionNumber", "版本号须为正整数,不能是 %q", "a version number must be a positive integer, not %q")
	// CmdPlanID: a plan id of the wrong form.
	CmdPlanID = def("CmdPlanID", "方案编号 %q 须符合 %s（请用 --id）", "plan id %q must match %s (use --id)")
	// CmdRequired: a required flag missing.
	CmdRequired = def("CmdRequired", "须给出 %s", "%s is required")
	// CmdRestoreArg: restore without its file.
	CmdRestoreArg = def("CmdRestoreArg", "restore 需要备份文件:caili restore [--data DIR] [--replace] FILE", "restore takes the backup file: caili restore [--data DIR] [--replace] FILE")
	// CmdAddr: --addr that is not host:port.
	CmdMemoryLimit = def("CmdMemoryLimit", "--memory-limit 须为 auto、off 或大小,如 2GiB、900MiB（实为 %q）", "--memory-limit must be auto, off or a size such as 2GiB or 900MiB (got %q)")
	CmdAddr        = def("CmdAddr", "--addr 须为 主机:端口（实为 %q）", "--addr must be host:port (got %q)")
	// CmdTemplateOut: template --out of another extension.
	CmdTemplateOut = def("CmdTemplateOut", "--out 须以 .xlsx 或 .csv 结尾（实为 %q）", "--out must end in .xlsx or .csv (got %q)")
	// CmdTemplateExists: template --out names a file that exists.
	CmdTemplateExists = def("CmdTemplateExists", "%s 已存在,没有改动它:要用空白模板覆盖,请加 --force;要保留它,请用 --out 指定新的文件名",
		"%s exists and was left alone: add --force to overwrite it with a blank template, or give --out a new name to keep it")

	// CmdReadPlan: a plan file that cannot be read.
	CmdReadPlan = def("CmdReadPlan", "读取方案 %s 失败", "cannot read the plan %s")
	// CmdRead: a file that cannot be read.
	CmdRead = def("CmdRead", "读取 %s 失败", "cannot read %s")
	// CmdTooLarge: an input file over the limit.
	CmdTooLarge = def("CmdTooLarge", "%s 过大,最多 %d MiB", "%s is too large: at most %d MiB")
	// CmdPlanHasData: import into a plan whose data is in a data file.
	CmdPlanHasData = def("CmdPlanHasData", "方案 %s 的街道数据来自数据文件 %s([plan] data):请直接修改该文件;要把数据写进方案的 [[subdistrict]] 表,先删去 data 这一行", "the plan %s reads its sub-districts from the data file %s ([plan] data): edit that file, or remove the data line to import into the plan")
	// CmdImportDiffers: the plan written differs from the data read.
	CmdImportDiffers = def("CmdImportDiffers", "内部错误:写出的方案与导入的数据不一致:%s", "internal error: the plan written differs from the data read: %s")
	// CmdReadScenario: a scenario file that cannot be read.
	CmdReadScenario = def("CmdReadScenario", "读取情景文件 %s 失败", "cannot read the scenario file %s")
	// CmdByCode: a total by classification code that failed.
	CmdByCode = def("CmdByCode", "按 %s 汇总失败", "total by %s failed")

	// CmdNotJSON … CmdDiffers: a result that does not verify.
	CmdNotJSON       = def("CmdNotJSON", "%s 不是 JSON 结果", "%s is not a JSON result")
	CmdNoStamp       = def("CmdNoStamp", "%s 没有校验码 (stamp),无法核验:请用 caili calc --format json 或 API 的 allocations.json 重新导出", "%s has no stamp and cannot be verified: export it again with caili calc --format json or the API's allocations.json")
	CmdStampOverride = def("CmdStampOverride", "校验码中的调整无法读取", "the stamp's overrides do not parse")
	CmdStampHash     = def("CmdStampHash", "校验码不符:方案 %s 的文件与调整算出的 sha256 为 %s…,结果中为 %s…;结果不是由这份方案算出的,或方案已改动", "the stamp does not match: the files and overrides of the plan %s hash to %s…, the result says %s…; the result was not computed from this plan, or the plan has changed")
	CmdDiffers       = def("CmdDiffers", "与重新计算的结果不一致:\n  %s", "differs from the result recomputed:\n  %s")
)

// The system's words for a file, said in the person's language.
var (
	// CmdFileNotExist: a file that does not exist.
	CmdFileNotExist = def("CmdFileNotExist", "文件 %s 不存在", "file %s does not exist")
	// CmdFilePermission: a file caili may not read or write.
	CmdFilePermission = def("CmdFilePermission", "没有权限读写 %s", "no permission to read or write %s")
	// CmdFileIsDir: a folder where a file was wanted.
	CmdFileIsDir = def("CmdFileIsDir", "%s 是文件夹,不是文件", "%s is a folder, not a file")
)
