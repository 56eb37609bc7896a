/// The charter panel of the preview: a button "Charte (N)" / "Charter (N)" on every page the server
/// sends, opening a dialog that lists the page's charter findings (rule, message, suggestion, line and
/// column, a link to the editor) and highlights each finding's passage in the page's text.
///
/// Like the reload script, it is added by the server only: the built files never contain it. It asks
/// `findingsPath` for the page's findings each time the page loads, so after each rebuild (the reload
/// script reloads the page), and reopens itself when it was open before the reload.
public enum PanelScript {
    public static let path = "/__cleiss-site/panel.js"
    /// `?page=/fr/x/`: that page's findings as JSON (see `PageFindings`).
    public static let findingsPath = "/__cleiss-site/findings"

    public static let tag = "<script src=\"\(path)\" defer></script>"

    public static let source = #"""
    // cleiss-site serve: the charter panel. Served by the preview server only; never part of the built site.
    (() => {
      "use strict";
      const french = (document.documentElement.lang || "").toLowerCase().startsWith("fr");
      const text = french ? {
        button: "Charte", region: "Charte éditoriale (aperçu)", close: "Fermer",
        title: (n) => n === 0 ? "Charte : aucun constat sur cette page" : `Charte : ${n} constat${n > 1 ? "s" : ""} sur cette page`,
        suggestion: "Suggestion : ", show: "Montrer dans le texte", where: "Ligne et colonne : ",
        open: (place) => `${place} (ouvrir dans l’éditeur)`,
        notFound: "Passage introuvable dans la page : rien n’est surligné.",
        failed: "Les constats n’ont pas pu être chargés.",
        severity: { error: "erreur", warning: "avertissement", info: "information" },
      } : {
        button: "Charter", region: "Editorial charter (preview)", close: "Close",
        title: (n) => n === 0 ? "Charter: no finding on this page" : `Charter: ${n} finding${n > 1 ? "s" : ""} on this page`,
        suggestion: "Suggestion: ", show: "Show in the text", where: "Line and column: ",
        open: (place) => `${place} (open in the editor)`,
        notFound: "Passage not found in the page: nothing is highlighted.",
        failed: "The findings could not be loaded.",
        severity: { error: "error", warning: "warning", info: "info" },
      };
      const prefix = "cleiss-site-charter";
      const reopen = `${prefix}-open:${location.pathname}`;
      let findings = null;

      const style = document.createElement("style");
      style.textContent = `
        #${prefix} { all: initial; }
        #${prefix}-button { position: fixed; right: .75rem; bottom: .75rem; z-index: 2147483646; font: 600 1rem/1.2 system-ui, sans-serif;
          padding: .5rem .9rem; color: #fff; background: #1d3b6f; border: 2px solid #fff; border-radius: .4rem; box-shadow: 0 1px 6px rgba(0,0,0,.35); cursor: pointer; }
        #${prefix}-panel { position: fixed; inset: 0 0 0 auto; margin: 0; width: min(28rem, 100vw); max-width: 100vw; height: 100vh; max-height: 100vh;
          box-sizing: border-box; overflow: auto; padding: 1rem 1.25rem; color: #1a1a1a; background: #fff; border: 0; border-left: 4px solid #1d3b6f;
          font: 1rem/1.45 system-ui, sans-serif; }
        #${prefix}-panel::backdrop { background: rgba(0,0,0,.08); }
        #${prefix}-panel h2 { font: 700 1.2rem/1.3 system-ui, sans-serif; margin: .25rem 0 1rem; color: #1a1a1a; }
        #${prefix}-panel ol { margin: 0; padding: 0 0 0 1.25rem; }
        #${prefix}-panel li { margin: 0 0 1rem; }
        #${prefix}-panel p { margin: .2rem 0; }
        #${prefix}-panel a { color: #1d3b6f; text-decoration: underline; }
        #${prefix}-panel button { font: inherit; color: #1d3b6f; background: #fff; border: 1px solid #1d3b6f; border-radius: .25rem; padding: .15rem .6rem; cursor: pointer; }
        #${prefix}-panel .${prefix}-close { float: right; }
        #${prefix}-button:focus-visible, #${prefix}-panel :focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
        mark.${prefix}-mark { color: #1a1a1a; background: #ffe14d; outline: 2px solid #b34700; }
        mark.${prefix}-mark mark.${prefix}-mark { background: #ffb366; }`;

      const region = document.createElement("aside");
      region.id = prefix;
      region.setAttribute("aria-label", text.region);
      const button = document.createElement("button");
      button.type = "button";
      button.id = `${prefix}-button`;
      button.setAttribute("aria-haspopup", "dialog");
      button.setAttribute("aria-controls", `${prefix}-panel`);
      button.textContent = `${text.button} (…)`;
      const dialog = document.createElement("dialog");
      dialog.id = `${prefix}-panel`;
      dialog.setAttribute("aria-labelledby", `${prefix}-title`);
      const close = document.createElement("button");
      close.type = "button";
      close.className = `${prefix}-close`;
      close.textContent = text.close;
      const heading = document.createElement("h2");
      heading.id = `${prefix}-title`;
      const list = document.createElement("ol");
      dialog.append(close, heading, list);
      region.append(button, dialog);
      document.head.append(style);
      document.body.append(region);

      // The page's text (its <main>), one space for each run of blanks, and where each character comes from.
      function flatText() {
        const root = document.querySelector("main") || document.body;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => node.parentElement.closest(`script, style, #${prefix}`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
        });
        let flat = "";
        const places = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.data;
          for (let offset = 0; offset < value.length; offset++) {
            const character = normalized(value[offset]);
            if (character === "" || (character === " " && (flat === "" || flat.endsWith(" ")))) continue;
            flat += character;
            places.push([node, offset]);
          }
        }
        return { flat, places };
      }

      function normalized(character) {
        if (/\s/.test(character)) return " ";
        if (character === "\u00ad" || character === "\u200b") return "";
        if (character === "’" || character === "‘") return "'";
        return character;
      }

      function normalizedText(value) {
        return Array.from(value, normalized).join("").replace(/ +/g, " ").trim();
      }

      // Where the finding's passage is in the page: [start, end) of the characters to mark, or null when
      // it cannot be told (not there, or there more often than in the source).
      function locate(finding, flat) {
        if (!finding.passage) return null;
        const passage = normalizedText(finding.passage);
        const marked = normalizedText(finding.passage.slice(0, finding.marked || finding.passage.length)).length;
        const starts = occurrences(passage, flat);
        const inSource = finding.occurrences || 1;
        if (starts.length >= inSource) {
          // Text before the page's body (its title, its description) may repeat the passage: the body's come last.
          const start = starts[starts.length - inSource + (finding.occurrence || 0)];
          return [start, start + Math.min(marked, passage.length)];
        }
        // Not there as the Markdown has it (a footnote mark, inline HTML): its longest start found once in the page,
        // of three words at least, and no shorter than the part to mark.
        const words = passage.split(" ");
        for (let count = words.length - 1; count >= 3; count--) {
          const start = words.slice(0, count).join(" ");
          if (start.length < Math.min(marked, passage.length)) break;
          const found = occurrences(start, flat);
          if (found.length === 1) return [found[0], found[0] + Math.min(marked, start.length)];
        }
        return null;
      }

      function occurrences(passage, flat) {
        const starts = [];
        for (let at = flat.indexOf(passage); at >= 0; at = flat.indexOf(passage, at + passage.length)) starts.push(at);
        return starts;
      }

      function mark(index, [start, end], places) {
        const pieces = new Map();
        for (let at = start; at < end; at++) {
          const [node, offset] = places[at];
          const piece = pieces.get(node) || [offset, offset];
          piece[1] = offset + 1;
          pieces.set(node, piece);
        }
        let first = null;
        for (const [node, [from, to]] of Array.from(pieces).reverse()) {
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, to);
          const element = document.createElement("mark");
          element.className = `${prefix}-mark`;
          element.dataset.finding = String(index);
          range.surroundContents(element);
          first = element;
        }
        return first;
      }

      function unmarkAll() {
        for (const element of document.querySelectorAll(`mark.${prefix}-mark`)) {
          const parent = element.parentNode;
          element.replaceWith(...element.childNodes);
          parent.normalize();
        }
      }

      function line(content, className) {
        const paragraph = document.createElement("p");
        if (className) paragraph.className = className;
        paragraph.append(...content);
        return paragraph;
      }

      // Fills the list and marks the passages, from the last to the first so that earlier places stay valid.
      function fill() {
        list.replaceChildren();
        heading.textContent = findings ? text.title(findings.length) : text.failed;
        if (!findings) return;
        const { flat } = flatText();
        const spans = findings.map((finding) => locate(finding, flat));
        // The marks change the text nodes, not the text: the places are taken again before each one.
        // The longer passages first, so that a word of a long sentence is marked inside the sentence's mark.
        const order = spans.map((span, index) => [span, index]).filter(([span]) => span).sort((a, b) => (b[0][1] - b[0][0]) - (a[0][1] - a[0][0]));
        const marks = [];
        for (const [span, index] of order) marks[index] = mark(index, span, flatText().places);
        findings.forEach((finding, index) => {
          const item = document.createElement("li");
          item.className = `${prefix}-finding`;
          const rule = document.createElement("strong");
          rule.textContent = `[${finding.rule}]`;
          const place = `${finding.file}:${finding.line}:${finding.column}`;
          let where;
          if (finding.editorURL) {
            where = document.createElement("a");
            where.href = finding.editorURL;
            where.textContent = text.open(place);
          } else {
            where = document.createElement("span");
            where.textContent = place;
          }
          item.append(
            line([rule, ` ${text.severity[finding.severity] || finding.severity}`]),
            line([finding.message], `${prefix}-message`));
          if (finding.suggestion) item.append(line([text.suggestion + finding.suggestion], `${prefix}-suggestion`));
          item.append(line([text.where, where], `${prefix}-place`));
          if (marks[index]) {
            const show = document.createElement("button");
            show.type = "button";
            show.textContent = text.show;
            show.addEventListener("click", () => marks[index].scrollIntoView({ block: "center" }));
            item.append(line([show]));
          } else {
            item.append(line([text.notFound], `${prefix}-not-found`));
          }
          list.append(item);
        });
      }

      function open() {
        fill();
        dialog.showModal();
        sessionStorage.setItem(reopen, "1");
      }

      button.addEventListener("click", open);
      close.addEventListener("click", () => dialog.close());
      // Escape closes a modal dialog by itself; whichever way it closes, the highlights go and the focus goes back.
      dialog.addEventListener("close", () => {
        unmarkAll();
        sessionStorage.removeItem(reopen);
        button.focus();
      });

      fetch(`/__cleiss-site/findings?page=${encodeURIComponent(location.pathname)}`, { cache: "no-store" })
        .then((response) => response.ok ? response.json() : Promise.reject(response.status))
        .then((answer) => { findings = answer.findings; button.textContent = `${text.button} (${findings.length})`; })
        .catch(() => { findings = null; button.textContent = `${text.button} (?)`; })
        .then(() => { button.dataset.ready = "true"; if (sessionStorage.getItem(reopen)) open(); });
    })();
    """#
}
