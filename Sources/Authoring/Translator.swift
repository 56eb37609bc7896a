import Configuration
import ContentLoading
import Diagnostics
import Foundation

/// `cleiss-site translate`: the other language's version of a page, in the matching section, with the
/// same translationKey, audiences, weight, menus and sources, marked `draft: true`, and the original
/// text kept in a visible "to translate" block. A draft is never published, so nothing goes out before
/// an editor has translated the text and removed `draft: true`.
public enum Translator {
    public struct Request: Sendable {
        public var source: String
        public var language: String
        public var slug: String?
        public var date: String
        public init(source: String, language: String, slug: String?, date: String) {
            self.source = source
            self.language = language
            self.slug = slug
            self.date = date
        }
    }

    /// What was written, relative to the site root: the new page, and the original when it got a translationKey.
    public struct Translated: Sendable {
        public var page: String
        public var keyAddedTo: String?
    }


    public static func translate(_ request: Request, root: URL, content: SiteContent) throws(DiagnosticsError) -> Translated {
        let configuration = content.configuration
        let here = SourceLocation(file: request.source)
        guard configuration.languages.contains(request.language) else {
            throw DiagnosticsError(.error(here, "'\(request.language)' is not a language of site.yml (\(configuration.languages.joined(separator: ", ")))",
                                          hint: Suggestions.hint(for: request.language, among: configuration.languages)))
        }
        let path = normalized(request.source)
        guard let index = content.page(sourcePath: path) else {
            throw DiagnosticsError(.error(here, "no page of the site is \(path)", hint: "give the path of a Markdown file of Content/, like Content/fr/contact.md"))
        }
        let original = content.pages[index]
        guard original.language != request.language else {
            throw DiagnosticsError(.error(here, "\(path) is already in '\(request.language)'", hint: "give the language to translate into with --to"))
        }
        if let existing = content.translation(of: index, in: request.language) {
            throw DiagnosticsError(.error(here, "\(path) is already translated: \(content.pages[existing].source.path)", hint: "edit that page instead"))
        }
        let target = try targetPath(of: index, in: content, language: request.language, slug: request.slug, at: here)
        if (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(target.file).path)) != nil {
            throw DiagnosticsError(.error(SourceLocation(file: target.file), "\(target.file) already exists",
                                          hint: "give another name with --slug: `translate` never replaces a file"))
        }
        var key = original.source.frontMatter.translationKey
        var keyAddedTo: String?
        if key == nil {
            let parts = path.split(separator: "/")
            let newKey = original.source.kind == .section ? String(parts.dropLast().last ?? "") : String((parts.last ?? "").dropLast(3))
            if content.pages.contains(where: { $0.source.frontMatter.translationKey == newKey }) {
                throw DiagnosticsError(.error(here, "\(path) has no translationKey, and '\(newKey)' is already used",
                                              hint: "add 'translationKey: …' with a key of your choice to its front matter, then translate it"))
            }
            try write(addingKey: newKey, to: try read(path, root: root), path: path, root: root)
            key = newKey
            keyAddedTo = path
        }
        let body = LinkRetargeting.retarget(original.source.body, of: index, to: target.file, language: request.language, in: content)
        let page = frontMatter(of: original.source, key: key!, language: request.language, date: request.date)
            + "\n" + block(body, language: original.language)
        do {
            if let folder = target.newFolder {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: false)
            }
            try Data(page.utf8).write(to: root.appendingPathComponent(target.file), options: .withoutOverwriting)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: target.file), "could not write the translation: \(error.localizedDescription)",
                                          hint: "check the folder's permissions"))
        }
        return Translated(page: target.file, keyAddedTo: keyAddedTo)
    }

    static func normalized(_ path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        if parts.first == "." { parts.removeFirst() }
        return parts.joined(separator: "/")
    }

    /// The new file in the translation of the page's section (which must exist), named by `slug` or as the original.
    static func targetPath(of index: Int, in content: SiteContent, language: String, slug: String?,
                           at here: SourceLocation) throws(DiagnosticsError) -> (file: String, newFolder: String?) {
        let page = content.pages[index]
        guard let parent = content.parent(of: index) else {
            // A home page: its translation is the other language's home, which every site has.
            throw DiagnosticsError(.error(here, "the home page of '\(language)' is \(ContentLoader.contentFolder)/\(language)/_index.md",
                                          hint: "edit it: every language has its home page"))
        }
        guard let parentTranslation = content.translation(of: parent, in: language) else {
            let section = content.pages[parent].source.path
            throw DiagnosticsError(.error(here, "its section \(section) has no version in '\(language)'",
                                          hint: "translate the section first: cleiss-site translate \(section) --to \(language)"))
        }
        let folder = String(content.pages[parentTranslation].source.path.dropLast("/_index.md".count))
        let sourceName = page.source.kind == .section
            ? String(page.source.path.dropLast("/_index.md".count).split(separator: "/").last ?? "")
            : String((page.source.path.split(separator: "/").last ?? "").dropLast(3))
        let name = slug ?? sourceName
        if let problem = ContentPath.segmentProblem(name) {
            throw DiagnosticsError(.error(here, "'\(name)' cannot be part of a page's address: \(problem)", hint: "give --slug with lowercase letters, digits and hyphens"))
        }
        return page.source.kind == .section ? ("\(folder)/\(name)/_index.md", "\(folder)/\(name)") : ("\(folder)/\(name).md", nil)
    }

    static func read(_ path: String, root: URL) throws(DiagnosticsError) -> String {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError(.error(SourceLocation(file: path), "cannot read \(path) as UTF-8 text", hint: "save it as UTF-8"))
        }
        return text
    }

    /// Adds `translationKey:` as the last line of the original's front matter (found as the loader finds it),
    /// leaving every other byte as it was.
    static func write(addingKey key: String, to text: String, path: String, root: URL) throws(DiagnosticsError) {
        guard let close = FrontMatterParser.fences(in: text)?.end else {
            throw DiagnosticsError(.error(SourceLocation(file: path, line: 1), "\(path) has no front matter block to add a translationKey to",
                                          hint: "add one (---, title: …, ---) at the top of the file"))
        }
        let lineEnd = text[..<close.lineStart].hasSuffix("\r\n") ? "\r\n" : "\n"
        var updated = text
        updated.insert(contentsOf: "translationKey: \(key)" + lineEnd, at: close.lineStart)
        let url = root.appendingPathComponent(path)
        do {
            try Data(updated.utf8).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: path), "could not add the translationKey: \(error.localizedDescription)",
                                          hint: "add 'translationKey: \(key)' to its front matter yourself"))
        }
    }

    /// The new page's front matter: the original's title (to translate), the placeholder description,
    /// the same audiences and translationKey, today's dates, `draft: true`, and the original's weight,
    /// menus and sources.
    static func frontMatter(of source: SourcePage, key: String, language: String, date: String) -> String {
        let front = source.frontMatter
        var lines = ["---", "title: " + PageCreator.quoted(front.title),
                     "description: " + PageCreator.quoted(DescriptionPlaceholder.text(for: language)),
                     "audiences: [" + front.audiences.joined(separator: ", ") + "]",
                     "translationKey: \(key)", "date: \(date)", "lastmod: \(date)", "draft: true"]
        if let weight = front.weight { lines.append("weight: \(weight)") }
        if !front.menus.isEmpty { lines.append("menus: [" + front.menus.joined(separator: ", ") + "]") }
        if !front.sources.isEmpty {
            lines.append("sources:")
            for source in front.sources { lines += ["  - title: " + PageCreator.quoted(source.title), "    url: " + PageCreator.quoted(source.url)] }
        }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    /// The original text, quoted, under a line that says what to do.
    static func block(_ body: String, language: String) -> String {
        let text = body.trimmingCharacters(in: .newlines)
        let quoted = text.isEmpty ? [] : [">"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }
        return ([TranslationInProgress.marker,
                 "> **To translate (\(language)):** translate the title and this text, write the description, then delete this block and `draft: true`."]
                + quoted).joined(separator: "\n") + "\n"
    }
}
