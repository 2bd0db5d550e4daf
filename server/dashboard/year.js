// caili: the 预算年度 page (docs/year.md), called by records.js with its
// helpers once the token is known. Everything comes from the API.
window.cailiYearPage = function (h) {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var el = h.el, api = h.api + "/year", me = h.me;
  var sub = me.role === "subdistrict";
  var execHref = $("execution-link").getAttribute("href");

  function statusCell(s, text) {
    var td = h.el("td", { "data-status": s ? s.status : "none" }, [text]);
    if (s && s.problems && s.problems.length) {
      td.appendChild(el("ul", { class: "problem-list" }, s.problems.map(function (p) {
        return el("li", { text: [p.where, p.says].filter(Boolean).join(": ") });
      })));
    }
    if (s && s.total) td.appendChild(el("div", { class: "hint", text: "合计 " + h.group(s.total) + " 元" }));
    return td;
  }

  function actions(r) {
    var kids = [];
    var b = r.breakdown;
    if (h.can("planner") && b && b.status === "submitted") {
      kids.push(el("button", { type: "button", "data-act": "accept", "data-n": String(b.n), text: "采纳分解" }), " ",
        el("button", { type: "button", "data-act": "return", "data-n": String(b.n), text: "退回分解" }));
    }
    return el("td", { class: "noprint" }, kids);
  }

  function load() {
    return h.call("GET", api).then(function (y) {
      $("stage").textContent = y.year + " 年 · " + y.stage_text;
      $("stage").dataset.stage = y.stage;
      h.setRows($("stages"), y.stages.map(function (s) {
        return el("tr", { "data-stage": s.stage }, [el("td", { text: s.text }), el("td", { text: h.when(s.at) }),
          el("td", { class: "id", text: s.by }), el("td", { text: s.what })]);
      }), 4, "尚未开始");
      h.setRows($("year-rows"), y.subdistricts.map(function (r) {
        return el("tr", { "data-id": r.id }, [el("td", { text: r.name + " " }, [el("code", { text: r.id })]),
          statusCell(r.data, r.data_text), statusCell(r.breakdown, r.breakdown_text),
          el("td", { class: "execution" + (r.execution_warnings ? " warn" : "") }, [el("a", { href: execHref, text: r.execution +
            (r.execution_warnings ? "," + r.execution_warnings + " 条预警" : "") })]), actions(r)]);
      }), 5, "没有街道");
      h.setRows($("publications"), y.publications.map(function (p) {
        var view = el("button", { type: "button", "data-seq": String(p.seq), text: sub ? "本街道" : (p.kind === "adjust" ? "差异" : "") });
        return el("tr", { "data-seq": String(p.seq), "data-kind": p.kind }, [el("td", { class: "num", text: String(p.seq) }),
          el("td", { text: p.kind_text }), el("td", { text: p.wenhao }), el("td", { text: p.issued_on }),
          el("td", { class: "num", text: String(p.version) }), el("td", { text: p.reason || "" }),
          el("td", { class: "noprint" }, view.textContent ? [view] : [])]);
      }), 7, "尚未下达");
      $("accept-all-p").hidden = !h.can("planner");
      $("publish-form").hidden = !h.can("approver");
      $("upload-section").hidden = !sub;
      if (sub) $("own-id").textContent = me.subdistrict;
    }, h.fail);
  }

  function download(path, name) {
    return function (ev) {
      ev.preventDefault();
      fetch(path, { headers: { "Authorization": "Bearer " + sessionStorage.getItem("caili.token") } }).then(function (r) {
        if (!r.ok) return r.json().then(function (d) { h.showError({ status: r.status, code: d.code, message: d.error, problems: d.problems || [] }); });
        return r.blob().then(function (b) {
          var a = el("a", { href: URL.createObjectURL(b), download: name });
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      });
    };
  }

  function upload(ev) {
    ev.preventDefault();
    h.clearMessages();
    var f = $("upload-file").files[0];
    if (!f) return;
    var kind = document.querySelector("input[name=upload-kind]:checked").value;
    fetch(api + "/" + kind + "?name=" + encodeURIComponent(f.name), { method: "POST", body: f,
      headers: { "Authorization": "Bearer " + sessionStorage.getItem("caili.token"), "Accept-Language": "zh-CN" } }).then(function (r) {
      return r.json().then(function (d) {
        if (!r.ok) {
          h.showError({ status: r.status, code: d.code, message: d.error, problems: d.problems || [] });
        } else {
          h.notice(["已提交第 " + d.n + " 号(" + d.status_text + ")"]);
        }
        return load();
      });
    }).catch(function (e) {
      // A failed request or an answer that is not JSON still says so.
      h.showError({ status: 0, code: "network", message: String(e && e.message || e), problems: [] });
    });
  }

  function rowAction(ev) {
    var b = ev.target.closest("button[data-act]");
    if (!b) return;
    h.clearMessages();
    var body = {};
    if (b.dataset.act === "return") {
      var why = window.prompt("退回理由");
      if (!why) return;
      body.reason = why;
    }
    h.call("POST", api + "/breakdowns/" + b.dataset.n + "/" + b.dataset.act, body).then(function (s) {
      h.notice(["项目分解 " + s.n + ":" + s.status_text]);
      return load();
    }, h.showError);
  }

  function viewPublication(ev) {
    var b = ev.target.closest("button[data-seq]");
    if (!b) return;
    h.clearMessages();
    var out = $("publication-view");
    var path = sub ? api + "/publications/" + b.dataset.seq + "/subdistricts/" + me.subdistrict : api + "/publications/" + b.dataset.seq + "/diff";
    h.call("GET", path).then(function (d) {
      out.textContent = "";
      if (sub) {
        var r = d.subdistrict;
        out.appendChild(el("p", { id: "own-figures", text: d.publication.kind_text + " " + d.publication.wenhao + ":合计 " + h.group(r.total) +
          " 元(因素分配 " + h.group(r.block) + ",激励 " + h.group(r.incentive) + ")" }));
        if (d.breakdown && d.breakdown.lines) {
          out.appendChild(el("ul", { id: "own-breakdown" }, d.breakdown.lines.map(function (l) {
            return el("li", { text: l.name + " · " + l.use + " · " + l.function_code + " · " + h.group(l.amount) + " 元 · " + l.goal });
          })));
        }
        return;
      }
      out.appendChild(el("table", { class: "data", id: "adjust-diff" }, [el("thead", {}, [el("tr", {}, ["街道", "批复", "调整后", "变化"].map(function (t) { return el("th", { text: t }); }))]),
        el("tbody", {}, (d.totals || []).map(function (t) {
          return el("tr", { "data-id": t.id }, [el("td", { text: t.name }), h.amountCell(t.old, "old"), h.amountCell(t.new, "new"), h.amountCell(t.delta, "delta", true)]);
        }))]));
    }, h.showError);
  }

  function publish(ev) {
    ev.preventDefault();
    h.clearMessages();
    h.call("POST", api + "/publications", { version: Number($("publish-version").value), kind: $("publish-kind").value,
      wenhao: $("publish-wenhao").value, date: $("publish-date").value, reason: $("publish-reason").value }).then(function (p) {
      h.notice(["已下达" + p.kind_text + " " + p.wenhao]);
      return load();
    }, h.showError);
  }

  function acceptAll() {
    h.clearMessages();
    h.call("POST", api + "/submissions/accept", {}).then(function (d) {
      h.notice(["已采纳,生成草案第 " + d.version.n + " 版"]);
      return load();
    }, h.showError);
  }

  if (!$("year-rows").dataset.wired) {
    $("year-rows").dataset.wired = "1";
    $("year-rows").addEventListener("click", rowAction);
    $("publications").addEventListener("click", viewPublication);
    $("upload-form").addEventListener("submit", upload);
    $("publish-form").addEventListener("submit", publish);
    $("accept-all").addEventListener("click", acceptAll);
    $("data-template").addEventListener("click", download(api + "/template.xlsx", "data.xlsx"));
    $("breakdown-template").addEventListener("click", download(api + "/breakdown-template.xlsx", "breakdown.xlsx"));
  }
  return load();
};
