// The fact-check report's page script: renders the claims the extension posts, and asks the
// extension to reveal a claim or open a source. Builds the page with DOM calls and textContent,
// never as markup, so no text from a draft or a source is ever read as HTML.
(function () {
  const vscode = acquireVsCodeApi();
  const claimsEl = document.getElementById("claims");
  const summaryEl = document.getElementById("summary");
  const filtersEl = document.getElementById("filters");
  const ORDER = ["contradicted", "misspelled", "misquoted", "disputed", "unsupported", "supported"];
  const LABEL = { contradicted: "Contradicted", misspelled: "Misspelt", misquoted: "Misquoted", disputed: "Disputed", unsupported: "Unsupported", supported: "Supported" };
  let hidden = new Set((vscode.getState() || {}).hidden || []);
  let last;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function render(report) {
    last = report;
    const counts = {};
    for (const c of report.claims) counts[c.kind] = (counts[c.kind] || 0) + 1;
    summaryEl.textContent = `${report.path}: ${report.claims.length} claims checked · ` + ORDER.filter((k) => counts[k]).map((k) => `${counts[k]} ${LABEL[k].toLowerCase()}`).join(" · ");
    filtersEl.replaceChildren(...ORDER.filter((k) => counts[k]).map((k) => {
      const b = el("button", `filter ${k}${hidden.has(k) ? " off" : ""}`, `${LABEL[k]} (${counts[k]})`);
      b.setAttribute("aria-pressed", String(!hidden.has(k)));
      b.addEventListener("click", () => {
        hidden.has(k) ? hidden.delete(k) : hidden.add(k);
        vscode.setState({ hidden: [...hidden] });
        render(last);
      });
      return b;
    }));
    const rows = report.claims
      .filter((c) => !hidden.has(c.kind))
      .sort((a, b) => a.start - b.start)
      .map((c) => {
        const row = el("article", `claim ${c.kind}`);
        row.tabIndex = 0;
        const head = el("div", "head");
        head.append(el("span", `badge ${c.kind}`, LABEL[c.kind]), el("span", "text", c.text), el("span", "where", `line ${c.line}`));
        row.append(head, el("p", "message", c.message));
        for (const e of c.evidence.slice(0, 4)) {
          const q = el("blockquote", "evidence");
          if (e.highlight) {
            q.append(e.quote.slice(0, e.highlight[0]), el("strong", "", e.quote.slice(e.highlight[0], e.highlight[1])), e.quote.slice(e.highlight[1]));
          } else q.append(e.quote);
          const cite = el("cite", "", [e.outlet || e.title, e.date].filter(Boolean).join(", "));
          const open = el("a", "open", "Open source");
          open.href = "#";
          open.addEventListener("click", (ev) => {
            ev.preventDefault();
            ev.stopPropagation();
            vscode.postMessage({ type: "openSource", path: e.source, line: e.line });
          });
          q.append(el("br"), cite, " · ", open);
          row.append(q);
        }
        const reveal = () => vscode.postMessage({ type: "reveal", start: c.start, end: c.end });
        row.addEventListener("click", reveal);
        row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") reveal(); });
        return row;
      });
    claimsEl.replaceChildren(...(rows.length ? rows : [el("p", "empty", "No claims to show.")]));
  }

  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "report") render(event.data);
  });
  // Listening now: a report sent before this script ran was lost, so the extension sends it again.
  vscode.postMessage({ type: "ready" });
})();
