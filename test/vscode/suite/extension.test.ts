// The extension at work in a real VS Code, on the harbour fixture workspace (sources/ and drafts).
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, "a workspace folder is open");
  return f;
}

async function openDraft(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder().uri, name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const rangeOf = (doc: vscode.TextDocument, text: string) => {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `draft has ${text}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
};

async function sourceHashes(): Promise<string[]> {
  const { createHash } = await import("node:crypto");
  const dir = vscode.Uri.joinPath(folder().uri, "sources");
  const out: string[] = [];
  for (const [name] of await vscode.workspace.fs.readDirectory(dir)) {
    out.push(`${name}:${createHash("sha256").update(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name))).digest("hex")}`);
  }
  return out.sort();
}

describe("Corroborate in VS Code", () => {
  const t = (title: string, fn: () => Promise<void>) => it(title, fn);
  let sourcesAtStart: string[] = [];
  before(async () => {
    sourcesAtStart = await sourceHashes();
  });

  t("diagnostics appear for the draft's errors, with codes and evidence in the sources", async () => {
    const doc = await openDraft("draft-errors.md");
    const diags = await until("diagnostics", () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((x) => x.message.startsWith("four years")) ? d : undefined;
    });
    const four = diags.find((d) => d.message.startsWith("four years"))!;
    assert.equal(four.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(four.range), "four years");
    assert.equal((four.code as { value: string }).value, "figure.mismatch");
    assert.match(four.message, /three years/);
    assert.ok(four.relatedInformation?.length, "related information");
    assert.ok(four.relatedInformation!.every((r) => r.location.uri.fsPath.includes(`${path.sep}sources${path.sep}`)));
    const disputed = diags.find((d) => doc.getText(d.range) === "4 November 2020");
    assert.equal(disputed?.severity, vscode.DiagnosticSeverity.Warning);
    const misspelt = diags.find((d) => doc.getText(d.range) === "Anna Petrescu");
    assert.equal((misspelt?.code as { value: string } | undefined)?.value, "name.spelling");
    assert.ok(!diags.some((d) => doc.getText(d.range) === "37 witnesses"), "supported values are not problems");
  });

  t("the hover shows the verdict and the source's sentence with the value in bold", async () => {
    const doc = await openDraft("draft-errors.md");
    const range = rangeOf(doc, "four years");
    const hovers = await until("hover", async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, range.start.translate(0, 2));
      return h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : (c as vscode.MarkdownString).value))).join("\n");
    assert.match(text, /Contradicted/);
    assert.match(text, /\*\*three years\*\*/);
    assert.match(text, /Coastal Courier|Valmora Daily/);
    assert.match(text, /command:corroborate\.openSource/);
  });

  t("quick fixes replace the value with the sources' value, as one edit", async () => {
    const doc = await openDraft("draft-errors.md");
    const range = rangeOf(doc, "four years");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, range);
    const replace = actions.find((a) => a.title === "Replace with “three years”");
    assert.ok(replace?.edit, `a replace action among ${actions.map((a) => a.title).join(" | ")}`);
    assert.ok(actions.some((a) => a.title.startsWith("Mark “four years” as checked")));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.match(doc.getText(), /to three years in prison/);
    await vscode.commands.executeCommand("undo");
    await until("undo", () => doc.getText().includes("to four years in prison") || undefined);
  });

  t("insert citation appends a footnote once and references it", async () => {
    const doc = await openDraft("draft-errors.md");
    const range = rangeOf(doc, "37 witnesses");
    const actions = await until("cite actions", async () => {
      const a = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, range);
      return a.some((x) => x.title.startsWith("Insert citation")) ? a : undefined;
    });
    const cite = actions.find((a) => a.title.startsWith("Insert citation"))!;
    assert.ok(await vscode.workspace.applyEdit(cite.edit!));
    const text = doc.getText();
    const ref = /\[\^([a-z0-9-]+)\]/.exec(text.slice(text.indexOf("37 witnesses")));
    assert.ok(ref, "a footnote reference after the claim");
    assert.equal(text.split(`[^${ref[1]}]:`).length, 2, "one footnote definition");
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  t("semantic tokens colour dates and figures by verdict", async () => {
    const doc = await openDraft("draft-errors.md");
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>("vscode.provideDocumentSemanticTokensLegend", doc.uri);
    assert.ok(legend.tokenTypes.includes("corroborateDate"));
    const tokens = await until("semantic tokens", async () => {
      const t2 = await vscode.commands.executeCommand<vscode.SemanticTokens>("vscode.provideDocumentSemanticTokens", doc.uri);
      return t2 && t2.data.length ? t2 : undefined;
    });
    const decoded: Array<{ text: string; type: string; modifiers: string[] }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = Array.from(tokens.data.slice(i, i + 5)) as [number, number, number, number, number];
      line += dl;
      char = dl ? dc : char + dc;
      decoded.push({
        text: doc.lineAt(line).text.slice(char, char + len),
        type: legend.tokenTypes[type]!,
        modifiers: legend.tokenModifiers.filter((_, b) => mods & (1 << b)),
      });
    }
    assert.ok(decoded.some((d) => d.text === "4 November 2020" && d.type === "corroborateDate" && d.modifiers.includes("disputed")), JSON.stringify(decoded));
    assert.ok(decoded.some((d) => d.text === "four years" && d.type === "corroborateFigure" && d.modifiers.includes("contradicted")));
    assert.ok(decoded.some((d) => d.text === "37 witnesses" && d.modifiers.includes("supported")));
    assert.ok(decoded.some((d) => d.text === "Tomasz Wielicki" && d.type === "corroboratePerson"));
  });

  t("marking a finding as checked hides it and is kept in .corroborate.json", async () => {
    const doc = await openDraft("draft-errors.md");
    const projectFile = vscode.Uri.joinPath(folder().uri, ".corroborate.json");
    try {
      await vscode.commands.executeCommand("corroborate.markChecked", doc.uri, "date.unsupported", "3 May 2019");
      await until("the finding to go", () => !vscode.languages.getDiagnostics(doc.uri).some((d) => doc.getText(d.range) === "3 May 2019") || undefined);
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(projectFile)));
      assert.deepEqual(saved.checked, [{ code: "date.unsupported", text: "3 May 2019" }]);
    } finally {
      await vscode.workspace.fs.delete(projectFile);
    }
  });

  t("indexing again, with the folder's cache now saved, gives the same findings", async () => {
    const doc = await openDraft("draft-errors.md");
    const messages = (await until("diagnostics", () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((x) => x.message.startsWith("four years")) ? d : undefined;
    })).map((d) => d.message).sort();
    // The first indexing saved the cache: the sources are now known by their sizes and dates.
    await vscode.commands.executeCommand("corroborate.reindex");
    await vscode.commands.executeCommand("corroborate.checkDocument");
    const again = await until("the same diagnostics", () => {
      const d = vscode.languages.getDiagnostics(doc.uri).map((x) => x.message).sort();
      return d.length === messages.length ? d : undefined;
    });
    assert.deepEqual(again, messages);
  });

  t("checking never changes the draft", async () => {
    const doc = await openDraft("draft-errors.md");
    const before = doc.getText();
    await vscode.commands.executeCommand("corroborate.checkDocument");
    await until("diagnostics", () => vscode.languages.getDiagnostics(doc.uri).length || undefined);
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), before);
  });

  t("a malformed .corroborate.json is reported, left untouched, and checking goes on", async () => {
    const doc = await openDraft("draft-errors.md");
    const projectFile = vscode.Uri.joinPath(folder().uri, ".corroborate.json");
    const broken = new TextEncoder().encode("{ \"checked\": [ not json");
    await vscode.workspace.fs.writeFile(projectFile, broken);
    try {
      await vscode.commands.executeCommand("corroborate.markChecked", doc.uri, "date.unsupported", "3 May 2019");
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(projectFile)), new TextDecoder().decode(broken), "the broken file is not overwritten");
      await vscode.commands.executeCommand("corroborate.checkDocument");
      await until("diagnostics despite the broken file", () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.startsWith("four years")) || undefined);
    } finally {
      await vscode.workspace.fs.delete(projectFile);
    }
  });

  t("a setting of the wrong type falls back to its default", async () => {
    const doc = await openDraft("draft-errors.md");
    const settings = vscode.Uri.joinPath(folder().uri, ".vscode", "settings.json");
    await vscode.workspace.fs.writeFile(settings, new TextEncoder().encode(JSON.stringify({ "corroborate.debounceMs": "fast", "corroborate.citationStyle": 42 })));
    try {
      await until("the settings to apply", () => vscode.workspace.getConfiguration("corroborate").get("debounceMs") === "fast" || undefined);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), " "));
      await until("a re-check after the edit", () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.startsWith("four years") && d.range.start.line === 2) || undefined);
      const range = rangeOf(doc, "37 witnesses");
      const actions = await until("cite actions", async () => {
        const a = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, range);
        return a.some((x) => x.title.startsWith("Insert citation")) ? a : undefined;
      });
      const edit = actions.find((a) => a.title.startsWith("Insert citation"))!.edit!;
      const inserted = edit.entries().flatMap(([, edits]) => edits.map((e) => e.newText)).join("");
      assert.match(inserted, /\[\^[a-z0-9-]+\]/, "the default footnote style is used");
    } finally {
      await vscode.commands.executeCommand("workbench.action.files.revert");
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, ".vscode"), { recursive: true });
    }
  });

  t("no source was changed by anything the extension did", async () => {
    assert.deepEqual(await sourceHashes(), sourcesAtStart);
  });

  t("the faithful draft has no error", async () => {
    const doc = await openDraft("draft-faithful.md");
    await vscode.commands.executeCommand("corroborate.checkDocument");
    const api = vscode.extensions.getExtension("corroborate.corroborate")?.exports as { checker: { state(u: vscode.Uri): { findings: unknown[] } | undefined } };
    await until("a check of the faithful draft", () => api.checker.state(doc.uri));
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });
  t("deleting the sources folder while it is watched leaves a working extension and no red marks", async () => {
    const doc = await openDraft("draft-errors.md");
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder().uri, "sources"), { recursive: true });
    await until("the draft to be re-checked without sources", () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error) || undefined, 60_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, rangeOf(doc, "four years").start.translate(0, 2));
    assert.ok(Array.isArray(hovers));
  });

});
