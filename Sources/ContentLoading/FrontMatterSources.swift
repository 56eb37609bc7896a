import Configuration
import Diagnostics
import Foundation
import Support

/// A legal or official text a page relies on (`sources:` in its front matter): a regulation on EUR-Lex, an
/// article of a code on Légifrance, a page of the Cleiss or the Urssaf.
public struct CitedSource: Sendable, Equatable {
    public var title: String
    /// An absolute http or https address.
    public var url: String
    /// Where the address is written, for messages about it.
    public var urlLocation: SourceLocation?

    public init(title: String, url: String, urlLocation: SourceLocation? = nil) {
        self.title = title
        self.url = url
        self.urlLocation = urlLocation
    }
}

/// One item of a list of small mappings (`- title: …` then `url: …`), as both readers of a front matter give
/// it: every key with its text value and where each is. A value that is not one text was reported by the reader.
struct FrontMatterRecord {
    struct Field {
        var key: String
        var keyLocation: SourceLocation
        /// Nil when the value is not one text (a list, a mapping): the reader reported it.
        var value: String?
        var valueLocation: SourceLocation
    }

    /// Where the item starts (its first key).
    var location: SourceLocation
    var fields: [Field]
}

/// Reads and checks `sources:`. Both readers hand it the same records, so every message is the same either way.
enum SourcesField {
    static let key = "sources"
    static let itemKeys = ["title", "url"]
    /// Bounds that no real citation reaches and that keep a page's end readable.
    static let maximumCount = 50
    static let maximumTitleLength = 300
    static let maximumURLLength = 2_000

    static let shapeHint = "write each source as '- title: …' with 'url: https://…' on the next line, indented under 'title'"

    static func read<Fields: FrontMatterFields>(_ fields: inout Fields) -> [CitedSource] {
        guard let records = fields.records(key) else { return [] }
        if records.count > maximumCount {
            fields.diagnostics.append(.error(fields.location(key), "'sources' has \(records.count) items (at most \(maximumCount))",
                                             hint: "keep the texts the page relies on; link a whole code or regulation rather than each of its articles"))
        }
        var sources: [CitedSource] = []
        for record in records {
            if let source = check(record, diagnostics: &fields.diagnostics) { sources.append(source) }
        }
        return sources
    }

    /// The source an item names, or nil after reporting what is wrong with it.
    private static func check(_ record: FrontMatterRecord, diagnostics: inout [Diagnostic]) -> CitedSource? {
        var valid = true
        for field in record.fields where !itemKeys.contains(field.key) {
            diagnostics.append(.error(field.keyLocation, "unknown key '\(field.key)' in a source",
                                      hint: Suggestions.hint(for: field.key, among: itemKeys) + "; a source has only a 'title' and a 'url'"))
            valid = false
        }
        let title = record.fields.first { $0.key == "title" }
        let url = record.fields.first { $0.key == "url" }
        let missing = [(title == nil, "title", "add 'title: …', the name of the text, like “Code de la sécurité sociale, article L762-1”"),
                       (url == nil, "url", "add 'url: https://…', the address of the text (on Légifrance, EUR-Lex or an official site)")]
        for (isMissing, key, hint) in missing where isMissing {
            diagnostics.append(.error(record.location, "this source has no '\(key)'", hint: hint))
            valid = false
        }
        if let title { valid = checkTitle(title, diagnostics: &diagnostics) && valid }
        if let url { valid = checkURL(url, diagnostics: &diagnostics) && valid }
        guard valid, let title = title?.value, let url else { return nil }
        return url.value.map { CitedSource(title: title, url: $0, urlLocation: url.valueLocation) }
    }

    private static func checkTitle(_ title: FrontMatterRecord.Field, diagnostics: inout [Diagnostic]) -> Bool {
        guard let value = title.value else { return false }
        // Blank as `YAMLMappingReader.string` tells it for the page's own title.
        if value.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) {
            diagnostics.append(.error(title.valueLocation, "the title of this source is empty",
                                      hint: "write the name of the text after 'title:', the words a reader will see as the link"))
            return false
        }
        if value.count > maximumTitleLength {
            diagnostics.append(.error(title.valueLocation, "the title of this source has \(value.count) characters (at most \(maximumTitleLength))",
                                      hint: "name the text and the article; the link leads to the rest"))
            return false
        }
        return true
    }

    private static func checkURL(_ url: FrontMatterRecord.Field, diagnostics: inout [Diagnostic]) -> Bool {
        guard let value = url.value else { return false }
        if value.count > maximumURLLength {
            diagnostics.append(.error(url.valueLocation, "the url of this source has \(value.count) characters (at most \(maximumURLLength))",
                                      hint: "link the text's own page, without search parameters"))
            return false
        }
        guard !isAbsoluteWebAddress(value) else { return true }
        diagnostics.append(.error(url.valueLocation, "'\(value)' is not an absolute http or https address",
                                  hint: "write the whole address of the text, starting with https://, without spaces"))
        return false
    }

    /// `https://host/…` or `http://host/…`: a web scheme, `//`, a host, and no space or control character (which a
    /// browser would drop or encode). Other characters are left to the browser, as in a link of the Markdown.
    static func isAbsoluteWebAddress(_ text: String) -> Bool {
        host(of: text) != nil
    }

    /// The host of an absolute http or https address, lowercased; nil for anything else.
    static func host(of text: String) -> String? {
        guard let scheme = URLScheme.scheme(of: text), scheme == "http" || scheme == "https",
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
        let rest = text.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return nil }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = (authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "").prefix { $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }

    /// Sources on the site's own address (`SiteAddress`): a page of this site is no outside text, and the pages of
    /// an earlier site there are gone once this one is published (`check --links` reports the https ones as broken
    /// links of the built pages, without their line).
    static func problems(of page: SourcePage, configuration: SiteConfiguration) -> [Diagnostic] {
        let address = SiteAddress(configuration)
        return page.frontMatter.sources.filter { address.isOwnPage($0.url) }.map { source in
            .warning(source.urlLocation ?? SourceLocation(file: page.path, line: 1),
                            "the source '\(source.url)' is an address of this site (\(configuration.baseURL)), not an outside text",
                            hint: "cite the legal or official text itself (Légifrance, EUR-Lex, the body that publishes it); "
                                + "to point at a page of this site, link its .md file in the text")
        }
    }

    /// The path of an http(s) URL, from the `/` after its host (`/docs/a.html`).
    static func path(of text: String) -> String? {
        guard let scheme = URLScheme.scheme(of: text) else { return nil }
        let authorityAndPath = text.dropFirst(scheme.count + 3)
        guard let slash = authorityAndPath.firstIndex(of: "/") else { return "/" }
        return String(authorityAndPath[slash...].prefix { $0 != "?" && $0 != "#" })
    }

}

extension YAMLMappingReader {
    /// A list of mappings of texts (`sources:`), each type mistake reported here with its place.
    mutating func records(_ key: String) -> [FrontMatterRecord]? {
        guard let node = value(key) else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a list of sources, each with a title and a url",
                                      hint: SourcesField.shapeHint))
            return nil
        }
        var records: [FrontMatterRecord] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                diagnostics.append(.error(reader.location(of: item), "each item of '\(key)' must have a 'title' and a 'url'", hint: SourcesField.shapeHint))
                continue
            }
            var fields: [FrontMatterRecord.Field] = []
            for (keyNode, valueNode) in mapping {
                let name = keyNode.string ?? ""
                let text = valueNode.scalar?.string
                if text == nil, SourcesField.itemKeys.contains(name) {
                    diagnostics.append(.error(reader.location(of: valueNode), "the \(name) of a source must be a single text value",
                                              hint: "write it on the same line as '\(name):', in quotes if it holds ': ' or starts with a special character"))
                }
                fields.append(FrontMatterRecord.Field(key: name, keyLocation: reader.location(of: keyNode), value: text,
                                                      valueLocation: reader.location(of: valueNode)))
            }
            records.append(FrontMatterRecord(location: reader.location(of: item), fields: fields))
        }
        return records
    }
}
