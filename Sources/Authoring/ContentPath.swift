import Configuration
import ContentLoading
import Diagnostics

/// Where a new page goes in Content/, as an editor names it: `Content/fr/section/page.md`,
/// `fr/section/page.md` or `fr/section/page`. Every part is a URL segment, since it becomes one.
public struct ContentPath: Sendable, Equatable {
    public var language: String
    /// The folders below the language's folder, outermost first.
    public var folders: [String]
    /// The file's name without `.md`; `_index` is a section's own page.
    public var name: String

    public var isSectionPage: Bool { name == "_index" }

    /// `Content/fr/section/page.md`.
    public var relativePath: String { folderPath(folders.count) + "/" + name + ".md" }

    /// `Content/fr` followed by the first `depth` folders.
    public func folderPath(_ depth: Int) -> String {
        ([ContentLoader.contentFolder, language] + folders.prefix(depth)).joined(separator: "/")
    }

    /// Why `part` cannot name a new file or folder. Stricter than what the build accepts: a new address
    /// is written the way the site's are.
    static func segmentProblem(_ part: String) -> String? {
        URLSegment.problem(with: part)
            ?? (URLSegment.isLowercaseWords(part) ? nil : "it has capitals, accents or signs")
    }

    public static func parse(_ text: String, languages: [String]) throws(DiagnosticsError) -> ContentPath {
        let here = SourceLocation(file: text)
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.first == "." { parts.removeFirst() }
        if parts.first == ContentLoader.contentFolder { parts.removeFirst() }
        guard parts.count >= 2, let language = parts.first else {
            throw DiagnosticsError(.error(here, "'\(text)' does not name a page of a language",
                                          hint: "give the language, the section and the page, like fr/travailler-a-l-etranger/ma-page"))
        }
        guard languages.contains(language) else {
            throw DiagnosticsError(.error(here, "'\(language)' is not a language of site.yml (\(languages.joined(separator: ", ")))",
                                          hint: Suggestions.hint(for: language, among: languages)))
        }
        var name = parts.removeLast()
        if name.hasSuffix(".md") { name.removeLast(3) }
        let folders = Array(parts.dropFirst())
        var problems: [Diagnostic] = []
        for part in folders + (name == "_index" ? [] : [name]) {
            if let problem = segmentProblem(part) {
                problems.append(.error(here, "'\(part)' cannot be part of a page's address: \(problem)",
                                       hint: "use lowercase letters without accents, digits and hyphens, like detachement-en-europe"))
            }
        }
        if name == "_index" && folders.isEmpty {
            problems.append(.error(here, "'\(text)' is the home page of '\(language)', which already exists", hint: "name a page inside a section"))
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return ContentPath(language: language, folders: folders, name: name)
    }
}
