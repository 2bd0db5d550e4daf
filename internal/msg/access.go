package msg

// Messages of who may reach what (issue 20, docs/operations.md and
// docs/records.md): a server closed by default on a network address,
// four eyes on approval and publication, what approval pins, the order
// of publications, idempotent POSTs and abandoned writes.
var (
	// AccessNeedsToken: a request without a token where one is needed.
	AccessNeedsToken = def("AccessNeedsToken", "此地址须带令牌:请求头 Authorization: Bearer <令牌>",
		"this address needs a token: the header Authorization: Bearer <token>")
	// AccessRoleMayNot: a token whose role may not reach the route (id,
	// role).
	AccessRoleMayNot = def("AccessRoleMayNot", "令牌 %s(%s)不能访问此地址", "token %s (%s) may not reach this address")
	// AccessQueryToken: ?token= where it is not accepted.
	AccessQueryToken = def("AccessQueryToken", "?token= 只用于 reader 和 subdistrict 令牌读取结果（GET）;其他请用请求头 Authorization",
		"?token= is only for reader and subdistrict tokens reading results (GET); send others in the Authorization header")
	// AccessNoTokens: a server that needs tokens and has none.
	AccessNoTokens = def("AccessNoTokens", "此服务器没有可用的令牌:请用 caili token create 创建",
		"this server has no token: create one with caili token create")
	// AccessSingleUserNetwork: --single-user on an address that is not
	// loopback.
	AccessSingleUserNetwork = def("AccessSingleUserNetwork", "--single-user 只能用于本机地址（127.0.0.1、::1）",
		"--single-user only works on a loopback address (127.0.0.1, ::1)")
	// AccessAnonymousValue: a value of --anonymous other than read.
	AccessAnonymousValue = def("AccessAnonymousValue", "--anonymous 只能是 read（匿名只读已发布的结果）",
		"--anonymous can only be read (anonymous reading of published results)")
	// AccessTimeout: a request whose deadline passed; nothing written.
	AccessTimeout = def("AccessTimeout", "请求超时,已放弃;未写入任何内容", "the request took too long and was abandoned; nothing was written")
	// AccessClientGone: a request whose client went away.
	AccessClientGone = def("AccessClientGone", "客户端已断开;未写入任何内容", "the client went away; nothing was written")

	// AppFourEyesApprove: approving a version one saved oneself (n, id).
	AppFourEyesApprove = def("AppFourEyesApprove", "第 %d 版由 %s 保存,须由另一人审批（四眼原则）",
		"version %d was saved by %s: another person must approve it (four eyes)")
	// AppFourEyesPublish: publishing a version one saved oneself (n, id).
	AppFourEyesPublish = def("AppFourEyesPublish", "第 %d 版由 %s 保存,须由另一人发布（四眼原则）",
		"version %d was saved by %s: another person must publish it (four eyes)")
	// AppApprovalDiffers: a publication whose result differs from the
	// approved one (n, what changed); the version is a draft again.
	AppApprovalDiffers = def("AppApprovalDiffers", "第 %d 版现在的结果与审批时不同:%s。该版本已退回草案,须重新审批",
		"version %d's result now differs from the approved one: %s. It is a draft again and must be approved again")
	// AppChangedTotal: one 街道's total, approved and now.
	AppChangedTotal = def("AppChangedTotal", "%s 合计 %s → %s", "%s total %s → %s")
	// AppChangedHash: the result's hash, approved and now.
	AppChangedHash = def("AppChangedHash", "结果 sha256 %s → %s", "result sha256 %s → %s")
	// AppPinnedMissing: a pinned publication that cannot be read.
	AppPinnedMissing = def("AppPinnedMissing", "审批时使用的 %s:%d年第 %d 版发布已不可读", "the publication %s:%d version %d read at approval cannot be read")
	// AppVersionNoteTooLong: a version's note over the limit.
	AppVersionNoteTooLong = def("AppVersionNoteTooLong", "版本说明过长:最多 %d 字", "the version's note is over %d characters")
	// AppSupersedesTooLong: a reason to supersede over the limit.
	AppSupersedesTooLong = def("AppSupersedesTooLong", "取代理由过长:最多 %d 字", "the reason to supersede is over %d characters")

	// StoreNoApproval: a version never approved (plan, n).
	StoreNoApproval = def("StoreNoApproval", "方案 %s 第 %d 版没有审批记录", "plan %s version %d has no approval")
	// StoreNotApproved: withdrawing the approval of what is not approved.
	StoreNotApproved = def("StoreNotApproved", "第 %d 版是%s,不是已审批", "version %d is %s, not approved")
	// StoreApprovalChanged: publishing a result other than the approved.
	StoreApprovalChanged = def("StoreApprovalChanged", "第 %d 版要发布的结果不是审批时的结果,须重新审批",
		"version %d: the result to publish is not the approved one; approve it again")
	// StorePublishOlder: publishing a version older than the current
	// publication (n, current) without a reason.
	StorePublishOlder = def("StorePublishOlder", "第 %d 版比当前发布的第 %d 版旧;如确要以它取代,请给出理由（supersedes）",
		"version %d is older than the current publication, version %d; to publish it over that, give a reason (supersedes)")

	// IdemKeyBad: an Idempotency-Key that is not 1 to 200 visible ASCII
	// characters.
	IdemKeyBad = def("IdemKeyBad", "Idempotency-Key 须为 1 到 200 个可见 ASCII 字符", "Idempotency-Key must be 1 to 200 visible ASCII characters")
	// IdemKeyMismatch: a key used before for another request.
	IdemKeyMismatch = def("IdemKeyMismatch", "此 Idempotency-Key 已用于另一请求", "this Idempotency-Key was used for another request")
	// IdemKeyPending: a key whose first request has no answer (yet).
	IdemKeyPending = def("IdemKeyPending", "带此 Idempotency-Key 的请求尚未完成或已中断:请查看记录后再用新的键重试",
		"the request with this Idempotency-Key has not finished or was interrupted: check the record, then retry with a new key")

	// ActVersionUnapprove: the audit action of an approval withdrawn.
	ActVersionUnapprove = def("ActVersionUnapprove", "撤回审批", "withdraw an approval")
	// RoleTextReader: the reader role, as people read it.
	RoleTextReader = def("RoleTextReader", "读者", "reader")

	// FlagAnonymous … FlagSupersedes: the flags of caili serve and caili
	// plan publish added for access and publication.
	FlagAnonymous  = def("FlagAnonymous", "不带令牌的请求可做什么:read = 只读已发布的结果（仅对非本机地址有意义）", "what a request without a token may do: read = read published results (for a non-loopback address)")
	FlagSingleUser = def("FlagSingleUser", "一人使用:免除四眼原则（仅本机地址;审计日志记录）", "one person: waive four eyes (loopback only; the audit log says so)")
	FlagCLISingle  = def("FlagCLISingle", "一人使用:免除四眼原则（审计日志记录）", "one person: waive four eyes (the audit log says so)")
	FlagSupersedes = def("FlagSupersedes", "以较旧的版本取代当前发布的理由", "why an older version is published over the current one")
)

// The sign-in page of a server on a network (server/signin.go).
var (
	// DashSignIn is the sign-in page's title.
	DashSignIn = def("DashSignIn", "登录", "sign in")
	// SignInFailed: a token that signs nobody in.
	SignInFailed = def("SignInFailed", "令牌无效或已吊销,请核对后重新粘贴", "the token is unknown or revoked: check it and paste it again")
)
