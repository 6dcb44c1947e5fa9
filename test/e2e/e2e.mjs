// End-to-end: a journalist's session in code-server, driven through Chromium. Opens the example
// draft, finds the red squiggle under the wrong appeal date, hovers it and reads a source's
// quote, inserts a citation and reads the footnote, and opens the fact-check report.
// Screenshots go to test-results/. Returns { passed, failed }.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export async function runEndToEnd({ browser, url, workspace, shots }) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  let passed = 0;
  let failed = 0;
  const step = async (name, fn) => {
    try {
      await fn();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${name}: ${error.message.split("\n")[0]}`);
      await page.screenshot({ path: join(shots, `failed-${passed + failed}.png`) }).catch(() => {});
    }
  };
  // Monaco renders spaces as no-break spaces.
  const editorText = async () => (await page.locator(".monaco-editor .view-lines").first().innerText()).replace(/\u00a0/g, " ");

  await step("the workbench opens the example workspace", async () => {
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
  });

  await step("the draft shows a red squiggle under the wrong appeal date", async () => {
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "draft.md" }).first().dblclick();
    await page.locator(".monaco-editor .view-lines").first().waitFor();
    await page.locator(".squiggly-error").first().waitFor({ timeout: 60_000 });
    const text = await editorText();
    if (!text.includes("30 September 2017")) throw new Error("the draft is not open");
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(shots, "01-draft-highlights-and-squiggles.png") });
  });

  await step("hovering the squiggle shows the verdict and a source's quote", async () => {
    // The first error of the draft is the appeal date on line 3.
    const squiggle = page.locator(".squiggly-error").first();
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator(".monaco-hover:not(.hidden)").first();
    await hover.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const text = (await hover.innerText()).replace(/\u00a0/g, " ");
    if (!/30 September 2017: the sources give 27, 28 and 29 September 2017/.test(text)) throw new Error(`hover says: ${text.slice(0, 300)}`);
    if (!/hearing of Kharkova’s appeal/.test(text)) throw new Error("no source quote in the hover");
    await page.screenshot({ path: join(shots, "02-hover-with-source-quote.png") });
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");
  });

  await step("Insert Citation puts a footnote in the text", async () => {
    // Put the cursor at the end of line 5 ("Her appeal had been heard on 28 September 2017. …"):
    // the start of the blank line 6, one step back (End would stop where a long line wraps).
    await page.keyboard.press("Control+G");
    await page.keyboard.type("6");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("F1");
    await page.keyboard.type("Corroborate: Insert Citation");
    await page.waitForTimeout(500);
    await page.keyboard.press("Enter");
    const quick = page.locator(".quick-input-widget");
    await quick.waitFor({ state: "visible" });
    await quick.locator("input").fill("appeal hearing 28 September");
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, "03-insert-citation-picker.png") });
    await page.keyboard.press("Enter");
    await page.waitForTimeout(800);
    const text = await editorText();
    if (!/\[\^[a-z0-9-]+\]/.test(text)) throw new Error("no footnote reference in the text");
    await page.keyboard.press("Control+End");
    await page.waitForTimeout(500);
    const tail = await editorText();
    if (!/\[\^[a-z0-9-]+\]: “/.test(tail)) throw new Error(`no footnote definition at the end: ${tail.slice(-300)}`);
    await page.screenshot({ path: join(shots, "04-footnote-inserted.png") });
    await page.keyboard.press("Control+S");
    await page.waitForTimeout(800);
    const saved = readFileSync(join(workspace, "draft.md"), "utf8");
    if (!/\[\^[a-z0-9-]+\]: “.+”, .+\./.test(saved)) throw new Error("the footnote is not in the saved draft");
  });

  await step("the fact-check report lists the claims with their verdicts", async () => {
    await page.keyboard.press("F1");
    await page.keyboard.type("Corroborate: Show Fact-Check Report");
    await page.waitForTimeout(500);
    await page.keyboard.press("Enter");
    const outer = page.frameLocator("iframe.webview").first();
    const inner = outer.frameLocator("iframe#active-frame");
    await inner.locator("article.claim").first().waitFor({ timeout: 30_000 });
    const summary = await inner.locator("#summary").innerText();
    if (!/contradicted/.test(summary)) throw new Error(`report summary: ${summary}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, "05-fact-check-report.png") });
  });

  await page.close();
  return { passed, failed };
}
