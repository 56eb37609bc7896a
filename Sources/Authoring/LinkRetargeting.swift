import ContentLoading
import Foundation

/// The links of a page's text, made right for its translation: a relative link to another page of the
/// site points to that page's version in the new language when there is one, and otherwise still to the
/// original page, from the translation's folder. So the draft's links work in the preview, and the
/// translator finds them already translated.
enum LinkRetargeting {
    /// `](target.md)`, `](target.md#anchor)`, `](<target.md>)`, and `[label]: target.md` definitions.
    static let inline = try! NSRegularExpression(pattern: #"\]\(<?([^()<>\s]+\.md)(#[^()<>\s]*)?>?(\s+"[^"]*")?\)"#)
    static let definition = try! NSRegularExpression(pattern: #"(?m)^( {0,3}\[[^\]]+\]:[ \t]*<?)([^<>\s]+\.md)(#[^<>\s]*)?"#)

    /// The text of the page at `index`, each relative link to a page of the site made right from `target`.
    static func retarget(_ body: String, of index: Int, to target: String, language: String, in content: SiteContent) -> String {
        var text = body
        for (expression, group) in [(inline, 1), (definition, 2)] {
            let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed()
            for match in matches {
                guard let range = Range(match.range(at: group), in: text) else { continue }
                guard let replacement = retargeted(String(text[range]), of: index, to: target, language: language, in: content) else { continue }
                text.replaceSubrange(range, with: replacement)
            }
        }
        return text
    }

    /// The link from `target`'s folder to the linked page's translation, or to the page itself. Nil for a link
    /// that is no relative path to a page (`/fr/x/`, `https://…`), which the language change leaves as it is.
    static func retargeted(_ link: String, of index: Int, to target: String, language: String, in content: SiteContent) -> String? {
        guard !link.hasPrefix("/"), !link.contains("://"),
              let linked = content.linkedSourcePath(link.removingPercentEncoding ?? link, from: index),
              let page = content.page(sourcePath: linked) else { return nil }
        let destination = content.translation(of: page, in: language).map { content.pages[$0].source.path } ?? linked
        return relative(destination, from: target.split(separator: "/").dropLast())
    }

    /// The relative path from `folder` to `path`, both from the site root.
    static func relative(_ path: String, from folder: ArraySlice<Substring>) -> String {
        let parts = path.split(separator: "/"), folder = Array(folder)
        var shared = 0
        while shared < min(folder.count, parts.count - 1), folder[shared] == parts[shared] { shared += 1 }
        return (Array(repeating: "..", count: folder.count - shared) + parts[shared...].map(String.init)).joined(separator: "/")
    }
}
