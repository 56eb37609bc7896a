import Foundation

/// The script that reloads the browser after a rebuild and shows build errors over the page.
///
/// The server adds a `<script>` tag to the HTML it sends; the built files never contain it, so the
/// preview shows the same pages that will be published.
public enum ReloadScript {
    /// Where the script is served.
    public static let path = "/__cleiss-site/reload.js"
    /// The server-sent events the script listens to.
    public static let eventsPath = "/__cleiss-site/events"

    /// The tag added before `</body>`. `data-build` tells the script which build the page comes
    /// from, so that it reloads if a rebuild finished while the page was loading.
    public static func tag(build: Int) -> String {
        "<script src=\"\(path)\" data-build=\"\(build)\" defer></script>"
    }

    /// `html` with the tag inserted before its last `</body>` (any case), or at the end when it has none;
    /// `after`: other tags of the preview, put before it (the charter panel's).
    public static func inject(into html: Data, build: Int, after other: String = "") -> Data {
        let tag = Data((other + tag(build: build)).utf8)
        guard let position = lastClosingBody(in: html) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<position])
        result.append(tag)
        result.append(html[position...])
        return result
    }

    /// The index of the last `</body` in `html`, compared without case, on bytes: pages are UTF-8
    /// and the tag is ASCII, so no decoding is needed.
    static func lastClosingBody(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = bytes[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { matches = false; break }
            }
            if matches { return html.startIndex + start }
            start -= 1
        }
        return nil
    }

    /// The script itself. It keeps the page on screen when a build fails and lays an alert over it,
    /// in the page's language, with the errors as the terminal printed them.
    public static let source = #"""
    // cleiss-site serve: live reload. Served by the preview server only; never part of the built site.
    (() => {
      "use strict";
      const script = document.currentScript;
      let pageBuild = script ? script.dataset.build : undefined;
      const french = (document.documentElement.lang || "").toLowerCase().startsWith("fr");
      const noticeID = "cleiss-site-build-error";
      const text = french
        ? { title: "La reconstruction du site a échoué. La page affichée est la dernière version valide.",
            close: "Masquer" }
        : { title: "The site could not be rebuilt. This page is the last good version.",
            close: "Hide" };

      function showError(message) {
        let notice = document.getElementById(noticeID);
        if (!notice) {
          notice = document.createElement("div");
          notice.id = noticeID;
          notice.setAttribute("role", "alert");
          notice.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
            "margin:0;padding:1rem 1.25rem;background:#8c1010;color:#fff;font:1rem/1.4 system-ui,sans-serif;" +
            "box-shadow:0 2px 8px rgba(0,0,0,.4);border-bottom:4px solid #fff";
          document.body.prepend(notice);
        }
        notice.replaceChildren();
        const title = document.createElement("p");
        title.style.cssText = "margin:0 0 .5rem;font-weight:bold";
        title.textContent = text.title;
        const details = document.createElement("pre");
        details.style.cssText = "margin:0;white-space:pre-wrap;font:.9rem/1.4 ui-monospace,monospace;color:#fff;background:none";
        details.textContent = message;
        const close = document.createElement("button");
        close.type = "button";
        close.textContent = text.close;
        close.style.cssText = "margin-top:.75rem;font:inherit;padding:.25rem .75rem;color:#8c1010;background:#fff;border:0;border-radius:.25rem";
        close.addEventListener("click", () => notice.remove());
        notice.append(title, details, close);
      }

      const events = new EventSource("/__cleiss-site/events");
      // The current build, sent when the stream opens: reload if the page is older.
      events.addEventListener("connected", (event) => {
        const build = JSON.parse(event.data).build;
        if (pageBuild !== undefined && String(build) !== pageBuild) location.reload();
      });
      events.addEventListener("reload", () => location.reload());
      // Only stylesheets changed: fetch them again in place, keeping the scroll position and the form fields.
      events.addEventListener("css", (event) => {
        const build = JSON.parse(event.data).build;
        pageBuild = String(build);
        document.getElementById(noticeID)?.remove();
        for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
          const url = new URL(link.href, location.href);
          if (url.origin !== location.origin) continue;
          url.searchParams.set("cleiss-site-build", build);
          link.href = url.href;
        }
      });
      // EventSource also fires "error" when the connection drops (no data then): it reconnects by itself.
      events.addEventListener("error", (event) => {
        if (typeof event.data === "string") showError(JSON.parse(event.data).message);
      });
    })();
    """#
}
