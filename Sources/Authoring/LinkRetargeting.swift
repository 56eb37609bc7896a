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

    static func retarget(_ body: String, from source: String, to target: String, language: String, in content: SiteContent) -> String {
        var text = body
        for (expression, group) in [(inline, 1), (definition, 2)] {
            let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed()
            for match in matches {
                guard let range = Range(match.range(at: group), in: text) else { continue }
                let link = String(text[range])
                guard !link.contains("://"), let replacement = retargeted(link, from: source, to: target, language: language, in: content) else { continue }
                text.replaceSubrange(range, with: replacement)
            }
        }
        return text
    }

    /// The link from `target`'s folder to the linked page's translation, or to the page itself.
    static func retargeted(_ link: String, from source: String, to target: String, language: String, in content: SiteContent) -> String? {
        guard let linked = resolve(link, from: folder(of: source)), let index = content.page(sourcePath: linked) else { return nil }
        let destination = content.translation(of: index, in: language).map { content.pages[$0].source.path } ?? linked
        return relative(destination, from: folder(of: target))
    }

    static func folder(of path: String) -> [Substring] { Array(path.split(separator: "/").dropLast()) }

    /// `../x/y.md` from `Content/fr/a` → `Content/fr/x/y.md`; nil when it climbs out of the root.
    static func resolve(_ link: String, from folder: [Substring]) -> String? {
        var parts = link.hasPrefix("/") ? [] : folder
        for part in link.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func relative(_ path: String, from folder: [Substring]) -> String {
        let parts = path.split(separator: "/")
        var shared = 0
        while shared < min(folder.count, parts.count - 1), folder[shared] == parts[shared] { shared += 1 }
        return (Array(repeating: "..", count: folder.count - shared) + parts[shared...].map(String.init)).joined(separator: "/")
    }
}
