import Configuration
import Diagnostics
import Foundation

/// The YAML block at the top of a page, checked. Keys follow Hugo's where they overlap.
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var description: String
    public var audiences: [String]
    public var translationKey: String?
    public var date: PageDate?
    public var lastmod: PageDate?
    public var draft: Bool
    public var slug: String?
    public var aliases: [String]
    public var weight: Int?
    /// Menus the page appears in: `main`, `footer`.
    public var menus: [String]
    /// The legal and official texts the page relies on, in the order written (`sources:`).
    public var sources: [CitedSource] = []
    /// Where each key is, for messages about its value.
    public var locations: [String: SourceLocation]

    public static let knownKeys = ["title", "description", "audiences", "translationKey", "date", "lastmod", "draft",
                                   "slug", "aliases", "weight", "menus", "sources"]
    public static let knownMenus = ["main", "footer"]

    public func location(of key: String) -> SourceLocation? { locations[key] }
}

/// Splits a Markdown file into its front matter and body, and reads the front matter.
public enum FrontMatterParser {
    public struct Parsed: Sendable {
        public var frontMatter: FrontMatter
        public var body: String
        /// The line of the file where the body starts (1-based).
        public var bodyFirstLine: Int
        public var diagnostics: [Diagnostic]
    }

    /// `text` is the whole file; `file` is its path as the user knows it.
    public static func parse(_ text: String, file: String, audiences: [String]) throws(DiagnosticsError) -> Parsed {
        let reading = read(text, file: file, audiences: audiences)
        guard let body = reading.body, !reading.diagnostics.hasErrors else { throw DiagnosticsError(reading.diagnostics) }
        return Parsed(frontMatter: reading.frontMatter, body: body.text, bodyFirstLine: body.firstLine, diagnostics: reading.diagnostics)
    }

    /// What can be read of a file whose front matter may be wrong, for `check`, which still checks its body.
    public struct Reading: Sendable {
        /// What could be read of the front matter: empty values for what could not.
        public var frontMatter: FrontMatter
        /// The body and the line where it starts; the whole file when it has no front matter block; nil when
        /// there is none to tell (an empty file, a block never closed).
        public var body: (text: String, firstLine: Int)?
        /// Every problem, errors and warnings, as `parse` reports them.
        public var diagnostics: [Diagnostic]
    }

    /// Reads `text` as `parse` does, without stopping at the first error.
    public static func read(_ text: String, file: String, audiences: [String]) -> Reading {
        read(text, file: file, audiences: audiences, plainShapesFirst: true)
    }

    /// `plainShapesFirst`: the plain shapes of front matter are read without Yams (`PlainFrontMatter`);
    /// false only in the test that compares both ways.
    static func read(_ text: String, file: String, audiences: [String], plainShapesFirst: Bool) -> Reading {
        let start = SourceLocation(file: file, line: 1)
        let empty = FrontMatter(title: "", description: "", audiences: [], draft: false, aliases: [], menus: [], locations: [:])
        if text.allSatisfy(\.isWhitespace) {
            return Reading(frontMatter: empty, body: nil, diagnostics: [.error(start, "the file is empty",
                hint: "start it with a front matter block (---, title: …, description: …, ---) and the text, or delete it")])
        }
        guard let fences = fences(in: text) else {
            return Reading(frontMatter: empty, body: (text, 1), diagnostics: [.error(start, "the file does not start with a front matter block",
                hint: "put a line '---', then 'title: …' and 'description: …', then '---' at the top of the file")])
        }
        guard let end = fences.end else {
            return Reading(frontMatter: empty, body: nil, diagnostics: [.error(start, "the front matter block is never closed",
                hint: "add a line '---' after the last front matter key")])
        }
        let yamlText = text[fences.yaml..<end.lineStart].dropLast()
        let body = (text: String(text[end.nextLine...]), firstLine: end.line + 1)
        // The block starts on the line after the opening fence, line 2.
        if plainShapesFirst, var fields = PlainFrontMatter.read(yamlText, file: file, firstLine: 2) {
            let frontMatter = read(&fields, file: file, audiences: audiences)
            return Reading(frontMatter: frontMatter, body: body, diagnostics: fields.diagnostics)
        }
        let yaml = String(yamlText)
        let reader = YAMLReader(file: file, lineOffset: 1)
        var diagnostics: [Diagnostic] = []
        let parsed = Result { () throws(DiagnosticsError) in try reader.parse(yaml) }
        if case .failure(let error) = parsed { return Reading(frontMatter: empty, body: body, diagnostics: error.diagnostics) }
        guard case .success(let node?) = parsed, var mapping = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: "the front matter") else {
            return Reading(frontMatter: empty, body: body, diagnostics: diagnostics.isEmpty
                ? [.error(start, "the front matter is empty", hint: "give at least 'title: …' and 'description: …'")] : diagnostics)
        }
        let frontMatter = read(&mapping, file: file, audiences: audiences)
        return Reading(frontMatter: frontMatter, body: body, diagnostics: diagnostics + mapping.diagnostics)
    }

    /// The closing fence of a front matter block: where its line starts, where the next line starts, its 1-based line number.
    public struct ClosingFence {
        public var lineStart: String.Index
        public var nextLine: String.Index
        public var line: Int
    }

    /// Finds the opening `---` on the first line and the closing `---` or `...`, walking the lines
    /// in place: the body is then one slice of the text, not a split and a join of every line.
    /// Nil when the first line is not a fence; `end` nil when the block is never closed. `text` has `\n` line
    /// endings, as `ContentLoader.readUTF8` makes them.
    public static func fences(in text: String) -> (yaml: String.Index, end: ClosingFence?)? {
        var lineStart = text.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            // On the UTF-8 bytes: a newline byte is always a character of its own, and bytes are quicker to compare.
            let newline = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? text.endIndex
            let next = newline.map { text.utf8.index(after: $0) } ?? text.endIndex
            let fence = trimmedFence(text[lineStart..<lineEnd])
            if let opening = yamlStart {
                if fence == "---" || fence == "..." {
                    return (opening, ClosingFence(lineStart: lineStart, nextLine: next, line: lineNumber))
                }
            } else {
                guard fence == "---" else { return nil }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        return yamlStart.map { ($0, nil) }
    }

    /// The line without its surrounding spaces when it is short enough to be a fence; nil otherwise.
    private static func trimmedFence(_ line: Substring) -> Substring? {
        guard line.utf8.count <= 32 else { return nil }
        guard let first = line.firstIndex(where: { !$0.isWhitespace }), let last = line.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return line[first...last]
    }

    private static func read<Fields: FrontMatterFields>(_ mapping: inout Fields, file: String, audiences knownAudiences: [String]) -> FrontMatter {
        mapping.reportUnknownKeys(known: FrontMatter.knownKeys, severity: .warning, what: "front matter")
        var locations: [String: SourceLocation] = [:]
        for (key, location) in mapping.keys { locations[key] = location }

        let title = mapping.string("title", required: true) ?? ""
        let description = mapping.string("description", required: true) ?? ""
        var audiences: [String] = []
        for (id, location) in mapping.strings("audiences") ?? [] {
            if knownAudiences.contains(id) {
                if !audiences.contains(id) { audiences.append(id) }
            } else {
                mapping.diagnostics.append(.error(location, "unknown audience '\(id)'",
                                                  hint: Suggestions.hint(for: id, among: knownAudiences) + " (audiences are listed in site.yml)"))
            }
        }
        let translationKey = mapping.string("translationKey")
        let date = readDate(&mapping, key: "date")
        let lastmod = readDate(&mapping, key: "lastmod")
        if let date, let lastmod, lastmod < date {
            mapping.diagnostics.append(.warning(mapping.location("lastmod"), "lastmod \(lastmod) is before date \(date)",
                                                hint: "lastmod is the last update; it cannot be earlier than the first publication"))
        }
        let slug = mapping.string("slug")
        if let slug, let problem = URLSegment.problem(with: slug) {
            mapping.diagnostics.append(.error(mapping.location("slug"), "slug '\(slug)' cannot be a URL segment: \(problem)",
                                              hint: "a slug is one URL segment: lowercase letters, digits and hyphens, no '/' or '..'"))
        }
        if let slug, let problem = SitePathRules.problem(ofSlug: slug, at: mapping.location("slug")) { mapping.diagnostics.append(problem) }
        let aliases = mapping.strings("aliases") ?? []
        mapping.diagnostics += SitePathRules.problems(ofAliases: aliases)
        var menus: [String] = []
        for (menu, location) in mapping.strings("menus") ?? [] {
            if FrontMatter.knownMenus.contains(menu) { menus.append(menu) } else {
                mapping.diagnostics.append(.warning(location, "unknown menu '\(menu)'", hint: Suggestions.hint(for: menu, among: FrontMatter.knownMenus)))
            }
        }
        let sources = SourcesField.read(&mapping)
        return FrontMatter(title: title, description: description, audiences: audiences, translationKey: translationKey,
                           date: date, lastmod: lastmod, draft: mapping.bool("draft") ?? false, slug: slug,
                           aliases: aliases.map(\.0), weight: mapping.int("weight"),
                           menus: menus, sources: sources, locations: locations)
    }

    private static func readDate<Fields: FrontMatterFields>(_ mapping: inout Fields, key: String) -> PageDate? {
        guard let text = mapping.string(key) else { return nil }
        guard let date = PageDate(text) else {
            mapping.diagnostics.append(.error(mapping.location(key), "'\(text)' is not a valid \(key)",
                                              hint: "write a date like 2026-11-28 or a date-time with its zone like 2026-11-28T09:30:00+01:00"))
            return nil
        }
        return date
    }
}
