// caili: the record's pages (版本, 异议, 审计日志). Everything shown comes
// from the API, asked with the token the user pasted (kept in
// sessionStorage for this tab only); what a role may see and do is the
// API's decision, and its refusals are shown with their message and code.
(function () {
  "use strict";
  var root = document.getElementById("records");
  if (!root || !window.fetch || !window.sessionStorage) return;
  var page = root.dataset.page, api = root.dataset.api, plan = root.dataset.plan;
  var KEY = "caili.token";
  var me = null;

  function $(id) { return document.getElementById(id); }

  // el builds an element; text goes in as text, never as markup.
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null) return;
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v);
    });
    (kids || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // when shows an RFC 3339 time as local "2026-03-01 10:02".
  function when(iso, seconds) {
    if (!iso) return "";
    var d = new Date(iso);
    var s = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
    return seconds ? s + ":" + pad(d.getSeconds()) : s;
  }

  function short(h) { return h ? h.slice(0, 8) : ""; }

  // group puts thousands separators into a decimal string.
  function group(s) {
    if (s === undefined || s === null || s === "") return "";
    var sign = "", t = String(s);
    if (t.charAt(0) === "-") { sign = "-"; t = t.slice(1); }
    var parts = t.split(".");
    var g = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return sign + g + (parts.length > 1 ? "." + parts[1] : "");
  }

  function signed(s) {
    if (s === undefined || s === null || s === "") return "";
    if (/^-/.test(s)) return group(s);
    return /^0(\.0*)?$/.test(s) ? "0" : "+" + group(s);
  }

  function signClass(s) { return /^-/.test(s) ? "neg" : /^0(\.0*)?$/.test(s) ? "zero" : "pos"; }

  function can(role) {
    if (!me) return false;
    return me.role === role || (me.role === "admin" && (role === "planner" || role === "approver"));
  }

  // call asks the API: the token, JSON, Chinese messages. A refusal
  // rejects with {status, code, message, problems}.
  function call(method, path, body) {
    var h = { "Accept": "application/json", "Accept-Language": "zh-CN" };
    var t = sessionStorage.getItem(KEY);
    if (t) h["Authorization"] = "Bearer " + t;
    var opts = { method: method, headers: h, cache: "no-store" };
    if (body !== undefined) {
      h["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (resp) {
      return resp.json().catch(function () { return null; }).then(function (data) {
        if (!resp.ok) {
          throw { status: resp.status, code: (data && data.code) || "", message: (data && data.error) || resp.statusText,
            problems: (data && data.problems) || [] };
        }
        return data;
      });
    }, function (err) {
      throw { status: 0, code: "network", message: "无法连接服务器 (cannot reach the server): " + err.message, problems: [] };
    });
  }

  function clearMessages() {
    $("error").hidden = true;
    $("notice").hidden = true;
  }

  // showError shows the API's refusal: its message, code and status, and
  // its problems.
  function showError(e) {
    var b = $("error");
    b.textContent = "";
    b.dataset.code = e.code || "";
    b.dataset.status = String(e.status || 0);
    b.appendChild(el("strong", { text: "未能完成:" }));
    b.appendChild(el("span", { class: "message", text: " " + (e.message || "") + " " }));
    b.appendChild(el("code", { class: "code", text: "代码 " + (e.code || "?") + " · HTTP " + (e.status || "—") }));
    if (e.problems && e.problems.length) {
      b.appendChild(el("ul", { class: "problem-list" }, e.problems.map(function (p) {
        return el("li", { text: [p.path, p.message].filter(Boolean).join(": ") });
      })));
    }
    b.hidden = false;
    $("notice").hidden = true;
  }

  function notice(kids) {
    var b = $("notice");
    b.textContent = "";
    kids.forEach(function (k) { b.appendChild(typeof k === "string" ? document.createTextNode(k) : k); });
    b.hidden = false;
  }

  function fail(e) { showError(e); throw e; }

  function setRows(table, rows, cols, empty) {
    var tb = table.tBodies[0];
    tb.textContent = "";
    if (!rows.length) {
      tb.appendChild(el("tr", {}, [el("td", { colspan: String(cols), class: "empty", text: empty })]));
      return;
    }
    rows.forEach(function (r) { tb.appendChild(r); });
  }

  function amountCell(v, col, change) {
    var cls = "num" + (change ? " change " + signClass(v) : "");
    return el("td", { class: cls, "data-col": col, "data-value": v, text: change ? signed(v) : group(v) });
  }

  // ---- 版本 (versions) ----

  var versionList = [];

  function statusCell(v) {
    var text = v.status === "published" && v.published_label ? v.published_label : v.status_text;
    return el("td", { class: "status" }, [el("span", { class: "record " + (v.status === "published" ? "published" : v.status === "approved" ? "approved" : "draft"), text: text })]);
  }

  function versionActions(v) {
    var kids = [];
    if (can("approver") && v.status === "draft") kids.push(el("button", { type: "button", class: "approve", "data-n": String(v.n), text: "审批" }));
    if (can("approver") && v.status === "approved") kids.push(el("button", { type: "button", class: "publish", "data-n": String(v.n), text: "发布" }));
    if (v.n > 1) kids.push(el("button", { type: "button", class: "diff", "data-n": String(v.n), text: "与上一版对比" }));
    return el("td", { class: "row-actions noprint" }, kids);
  }

  function loadVersions() {
    return call("GET", api + "/versions").then(function (data) {
      versionList = data.versions || [];
      var rows = versionList.slice().reverse().map(function (v) {
        return el("tr", { "data-n": String(v.n), "data-status": v.status }, [
          el("td", { class: "num", text: String(v.n) }), statusCell(v),
          el("td", { text: when(v.created_at) }), el("td", { class: "id", text: v.created_by }),
          el("td", { text: v.approved_by ? v.approved_by + " " + when(v.approved_at) : "" }),
          el("td", { class: "id" }, [el("code", { title: v.hash, text: short(v.hash) })]),
          el("td", { class: "note", text: v.note }), versionActions(v)]);
      });
      setRows($("versions"), rows, 8, "尚无版本:规划员可以把当前方案保存为草案");
      ["diff-from", "diff-to"].forEach(function (id, i) {
        var s = $(id);
        s.textContent = "";
        versionList.forEach(function (v) { s.appendChild(el("option", { value: String(v.n), text: "第 " + v.n + " 版 · " + v.status_text })); });
        if (versionList.length) s.value = String(versionList[Math.max(versionList.length - 2 + i, 0)].n);
      });
    }, fail);
  }

  function versionsPage() {
    $("save-section").hidden = !can("planner");
    return loadVersions();
  }

  function saveDraft(ev) {
    ev.preventDefault();
    clearMessages();
    call("POST", api + "/versions", { note: $("save-note").value.trim() }).then(function (v) {
      $("save-note").value = "";
      notice([v.n === (versionList.length ? versionList[versionList.length - 1].n : 0) ? "未改变:与第 " + v.n + " 版相同,未新建版本" :
        "已保存草案 第 " + v.n + " 版 (sha256 " + short(v.hash) + ")"]);
      return loadVersions();
    }).catch(showError);
  }

  function versionAction(ev) {
    var b = ev.target.closest("button");
    if (!b || !b.dataset.n) return;
    var n = b.dataset.n;
    clearMessages();
    if (b.classList.contains("diff")) { showDiff(Number(n) - 1, Number(n)); return; }
    var act = b.classList.contains("approve") ? "approve" : b.classList.contains("publish") ? "publish" : "";
    if (!act) return;
    b.disabled = true;
    call("POST", api + "/versions/" + n + "/" + act).then(function (r) {
      notice([act === "approve" ? "已审批 第 " + n + " 版" : "第 " + n + " 版 " + r.label + " (result sha256 " + r.result_hash + ")"]);
      return loadVersions();
    }).catch(function (e) { b.disabled = false; showError(e); });
  }

  function changeKind(c) {
    if (!c.path) return "文件";
    return /^subdistrict[.[]/.test(c.path) ? "街道数据" : "标准与参数";
  }

  function showDiff(from, to) {
    var out = $("diff");
    out.textContent = "";
    return call("GET", api + "/versions/" + to + "/diff?from=" + from).then(function (d) {
      out.appendChild(el("p", { class: "diff-head", text: "第 " + d.from + " 版 → 第 " + d.to + " 版:" + d.changes.length + " 处改动" }));
      var rows = d.changes.map(function (c) {
        var kind = changeKind(c);
        return el("tr", { "data-kind": kind }, [el("td", { text: kind }), el("td", { class: "id", text: c.file }),
          el("td", {}, [el("code", { text: c.path })]), el("td", { class: "num", text: c.old }), el("td", { class: "num", text: c.new })]);
      });
      var changes = el("table", { class: "data", id: "diff-changes" }, [el("thead", {}, [el("tr", {}, ["类别", "文件", "键", "原值", "新值"].map(function (h) { return el("th", { text: h }); }))]), el("tbody")]);
      setRows(changes, rows, 5, "文件没有改动");
      out.appendChild(el("h3", { text: "改动的标准、参数与数据" }));
      out.appendChild(el("div", { class: "scroll" }, [changes]));
      if (d.error) out.appendChild(el("p", { class: "banner bad", text: "无法比较合计:" + d.error }));
      var totals = el("table", { class: "data", id: "diff-totals" }, [el("thead", {}, [el("tr", {}, [el("th", { text: "编码" }), el("th", { text: "街道" }),
        el("th", { class: "num", text: "第 " + d.from + " 版合计" }), el("th", { class: "num", text: "第 " + d.to + " 版合计" }), el("th", { class: "num", text: "变化" })])]), el("tbody")]);
      setRows(totals, (d.totals || []).map(function (t) {
        return el("tr", { "data-id": t.id }, [el("td", { class: "id", text: t.id }), el("td", { class: "name", text: t.note ? t.name + "(" + t.note + ")" : t.name }),
          amountCell(t.old, "old"), amountCell(t.new, "new"), amountCell(t.delta, "change", true)]);
      }), 5, "没有合计");
      out.appendChild(el("h3", { text: "测算结果:各街道合计" }));
      out.appendChild(el("div", { class: "scroll" }, [totals]));
      showAttribution(out, d);
    }, showError);
  }

  // showAttribution shows how each 街道's change splits over the
  // differences between the versions (Shapley value; the parts sum to
  // the change), with the sentence a 街道 reads.
  function showAttribution(out, d) {
    if (d.attribution_error) out.appendChild(el("p", { class: "banner bad", text: "变化无法归因:" + d.attribution_error }));
    var a = d.attribution;
    if (!a) return;
    out.appendChild(el("h3", { text: "变化归因(Shapley 值,各项之和等于变化)" }));
    var head = [el("th", { text: "编码" }), el("th", { text: "街道" }), el("th", { class: "num", text: "变化" })];
    a.players.forEach(function (p) { head.push(el("th", { class: "num", title: p.paths.join("、"), text: p.label })); });
    head.push(el("th", { text: "说明" }));
    var t = el("table", { class: "data", id: "diff-attribution" }, [el("thead", {}, [el("tr", {}, head)]), el("tbody")]);
    setRows(t, a.subdistricts.concat([a.totals]).map(function (r) {
      var cells = [el("td", { class: "id", text: r.id }), el("td", { class: "name", text: r.name }), amountCell(r.change, "change", true)];
      r.parts.forEach(function (p) { cells.push(amountCell(p.amount, "part", true)); });
      cells.push(el("td", { class: "sentence", text: r.sentence }));
      return el("tr", { "data-id": r.id }, cells);
    }), a.players.length + 4, "没有变化");
    out.appendChild(el("div", { class: "scroll" }, [t]));
  }

  // ---- 异议 (objections) ----

  var columns = [["personnel", "人员经费"], ["public", "公用经费"], ["projects", "项目经费"], ["incentive", "激励"],
    ["block", "因素分配"], ["damping", "保底封顶"], ["total", "合计"]];

  function loadStatement(ev) {
    if (ev) ev.preventDefault();
    clearMessages();
    var out = $("statement");
    out.textContent = "";
    return call("GET", api + "/published/subdistricts/" + encodeURIComponent(me.subdistrict)).then(function (d) {
      var p = d.publication, s = d.subdistrict;
      out.appendChild(el("p", {}, [el("span", { class: "record published", id: "statement-label", text: p.label }),
        " " + s.name + " · 第 " + p.version + " 版 · 结果 sha256 ", el("code", { title: p.result_hash, text: short(p.result_hash) })]));
      var cols = el("table", { class: "data", id: "statement-totals" }, [el("thead", {}, [el("tr", {}, columns.map(function (c) { return el("th", { class: "num", text: c[1] }); }))]),
        el("tbody", {}, [el("tr", {}, columns.map(function (c) { return amountCell(s[c[0]], c[0]); }))])]);
      out.appendChild(el("div", { class: "scroll" }, [cols]));
      var lines = el("table", { class: "data lines", id: "statement-lines" }, [el("thead", {}, [el("tr", {}, ["阶段", "项目", "金额", "算式"].map(function (h) { return el("th", { text: h }); }))]), el("tbody")]);
      setRows(lines, (s.lines || []).map(function (l) {
        return el("tr", {}, [el("td", { text: l.stage }), el("td", { text: l.item }), amountCell(l.amount, "amount"), el("td", { class: "note", text: l.formula })]);
      }), 4, "没有明细");
      out.appendChild(el("details", {}, [el("summary", { text: "测算明细 (" + (s.lines || []).length + " 行)" }), lines]));
      var names = $("quantity-names");
      names.textContent = "";
      ((s.score && s.score.indicators) || []).forEach(function (i) {
        names.appendChild(el("option", { value: i.quantity, text: "已发布 " + i.value }));
      });
    }, showError);
  }

  function addRow() {
    var tb = $("corrections").tBodies[0];
    var r = tb.rows[0].cloneNode(true);
    r.querySelectorAll("input").forEach(function (i) { i.value = ""; });
    tb.appendChild(r);
  }

  function fileObjection(ev) {
    ev.preventDefault();
    clearMessages();
    var cs = {};
    $("corrections").querySelectorAll("tr.corr-row").forEach(function (r) {
      var k = r.querySelector("input[name=key]").value.trim(), v = r.querySelector("input[name=value]").value.trim();
      if (!k && !v) return;
      cs[k.indexOf(".") < 0 ? "quantities." + k : k] = v;
    });
    call("POST", api + "/objections", { note: $("object-note").value.trim(), corrections: cs }).then(function (o) {
      $("object-form").reset();
      notice(["已提出异议 " + o.n + "(" + o.status_text + "),针对第 " + o.version + " 版"]);
      return loadObjections();
    }).catch(showError);
  }

  function correctionList(cs) {
    return el("ul", { class: "corrections" }, Object.keys(cs || {}).sort().map(function (k) {
      return el("li", {}, [el("code", { text: k }), " = " + cs[k]]);
    }));
  }

  function objectionActions(o) {
    var kids = [el("button", { type: "button", class: "show", "data-n": String(o.n), text: me.role === "subdistrict" ? "查看" : "预览" })];
    if (can("planner") && o.status === "pending") {
      kids.push(el("button", { type: "button", class: "accept", "data-n": String(o.n), text: "采纳" }));
      kids.push(el("input", { type: "text", class: "reason", "data-n": String(o.n), placeholder: "驳回理由或更正说明", maxlength: "2000" }));
      kids.push(el("button", { type: "button", class: "reject", "data-n": String(o.n), text: "驳回" }));
      kids.push(el("button", { type: "button", class: "corrected", "data-n": String(o.n), text: "已在数据中更正",
        title: "更正已由规划员在数据中手工完成(不生成新版本);输入框中的文字作为说明" }));
    }
    return el("td", { class: "row-actions noprint" }, kids);
  }

  function loadObjections() {
    return call("GET", api + "/objections").then(function (data) {
      var rows = (data.objections || []).slice().reverse().map(function (o) {
        return el("tr", { "data-n": String(o.n), "data-status": o.status, "data-subdistrict": o.subdistrict }, [
          el("td", { class: "num", text: String(o.n) }), el("td", { class: "id", text: o.subdistrict }),
          el("td", { text: "第 " + o.version + " 版" }), el("td", { text: when(o.filed_at) }),
          el("td", {}, [correctionList(o.corrections)]), el("td", { class: "note", text: o.note }),
          el("td", { class: "status", text: o.status_text }), objectionActions(o)]);
      });
      setRows($("objections"), rows, 8, "没有异议");
    }, fail);
  }

  function showObjection(n) {
    var out = $("preview");
    out.textContent = "";
    return call("GET", api + "/objections/" + n).then(function (o) {
      $("preview-section").hidden = false;
      $("preview-title").textContent = "异议 " + o.n + " · 街道 " + o.subdistrict + " · 针对第 " + o.version + " 版 · " + o.status_text;
      out.appendChild(el("p", { class: "note", text: o.note }));
      out.appendChild(correctionList(o.corrections));
      if (!o.effect) return;
      if (o.effect.rejection) {
        out.appendChild(el("p", { class: "banner bad", id: "effect-rejection", text: "按此更正,方案无法测算:" + o.effect.rejection.error }));
        return;
      }
      out.appendChild(el("h3", { text: "预览:更正后各街道合计的变化 (what-if)" }));
      var t = el("table", { class: "data", id: "effect" }, [el("thead", {}, [el("tr", {}, [el("th", { text: "编码" }), el("th", { text: "街道" }),
        el("th", { class: "num", text: "原合计" }), el("th", { class: "num", text: "更正后" }), el("th", { class: "num", text: "变化" })])]), el("tbody")]);
      setRows(t, o.effect.subdistricts.map(function (r) {
        return el("tr", { "data-id": r.id }, [el("td", { class: "id", text: r.id }), el("td", { class: "name", text: r.name }),
          amountCell(r.before, "before"), amountCell(r.after, "after"), amountCell(r.change, "change", true)]);
      }), 5, "没有街道");
      out.appendChild(el("div", { class: "scroll" }, [t]));
    }, showError);
  }

  function objectionAction(ev) {
    var b = ev.target.closest("button");
    if (!b || !b.dataset.n) return;
    var n = b.dataset.n;
    clearMessages();
    if (b.classList.contains("show")) { showObjection(n); return; }
    if (b.classList.contains("accept")) {
      b.disabled = true;
      call("POST", api + "/objections/" + n + "/accept").then(function (r) {
        notice(["已采纳异议 " + n + " → 草案第 " + r.version.n + " 版 (sha256 " + short(r.version.hash) + ") · ",
          el("a", { href: root.dataset.versions, id: "new-draft-link", text: "到版本页审批、发布" })]);
        return loadObjections();
      }).catch(function (e) { b.disabled = false; showError(e); });
      return;
    }
    if (b.classList.contains("corrected")) {
      var note = b.parentNode.querySelector("input.reason").value.trim();
      b.disabled = true;
      call("POST", api + "/objections/" + n + "/corrected", { note: note }).then(function (o) {
        notice(["异议 " + n + " " + o.status_text]);
        return loadObjections();
      }).catch(function (e) { b.disabled = false; showError(e); });
      return;
    }
    if (b.classList.contains("reject")) {
      var reason = b.parentNode.querySelector("input.reason").value.trim();
      call("POST", api + "/objections/" + n + "/reject", { reason: reason }).then(function (o) {
        notice(["已驳回异议 " + n + ":" + o.reason]);
        return loadObjections();
      }).catch(showError);
    }
  }

  function objectionsPage() {
    var own = me.role === "subdistrict";
    $("own-section").hidden = !own;
    if (own) $("own-id").textContent = me.subdistrict;
    return loadObjections().then(function () {
      var show = new URLSearchParams(location.search).get("show");
      if (show) return showObjection(show);
    });
  }

  // ---- 审计日志 (audit log) ----

  function auditPage() {
    return call("GET", api + "?limit=1000").then(function (data) {
      setRows($("audit"), (data.entries || []).map(function (e) {
        return el("tr", { "data-seq": String(e.seq), "data-action": e.action }, [el("td", { class: "num", text: String(e.seq) }),
          el("td", { text: when(e.at, true) }), el("td", { class: "id", text: e.actor }), el("td", { text: e.role_text }),
          el("td", { class: "action" }, [e.action_text + " ", el("code", { text: e.action })]), el("td", { class: "id", text: e.plan || "" }),
          el("td", { text: e.subject || "" }), el("td", { class: "id" }, [el("code", { title: e.hash || "", text: short(e.hash) })]),
          el("td", { class: "note", text: e.detail || "" })]);
      }), 9, "日志为空");
    }, fail);
  }

  // ---- the token ----

  // 预算年度: year.js, with this script's helpers.
  function yearPage() {
    return window.cailiYearPage({ me: me, api: api, call: call, fail: fail, el: el, setRows: setRows, when: when, group: group,
      notice: notice, clearMessages: clearMessages, showError: showError, can: can, amountCell: amountCell });
  }

  var pages = { versions: versionsPage, objections: objectionsPage, audit: auditPage, year: yearPage };

  function start() {
    clearMessages();
    me = null;
    root.dataset.ready = "";
    var t = sessionStorage.getItem(KEY);
    if (!t) return;
    call("GET", "/api/v1/whoami").then(function (who) {
      me = who;
      root.dataset.role = who.role;
      $("whoami").textContent = "当前令牌 " + who.id + " · " + who.role_text + (who.subdistrict ? " · 街道 " + who.subdistrict : "") + (plan ? " · 方案 " + plan : "");
      return pages[page]();
    }).then(function () { root.dataset.ready = "1"; }, function (e) {
      if (!me) {
        showError(e);
        $("whoami").textContent = "令牌未被接受,请重新输入 (the token was not accepted)。";
      }
      root.dataset.ready = "error";
    });
  }

  $("token-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var v = $("token").value.trim();
    if (!v) return;
    sessionStorage.setItem(KEY, v);
    $("token").value = "";
    start();
  });
  $("token-clear").addEventListener("click", function () {
    sessionStorage.removeItem(KEY);
    location.reload();
  });
  if (page === "versions") {
    $("save-form").addEventListener("submit", saveDraft);
    $("versions").addEventListener("click", versionAction);
    $("diff-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearMessages();
      showDiff($("diff-from").value, $("diff-to").value);
    });
  } else if (page === "objections") {
    $("statement-link").addEventListener("click", loadStatement);
    $("add-row").addEventListener("click", addRow);
    $("object-form").addEventListener("submit", fileObjection);
    $("objections").addEventListener("click", objectionAction);
  }
  start();
})();
