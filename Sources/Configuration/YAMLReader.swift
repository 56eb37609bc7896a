import Diagnostics
import Foundation
import Yams

/// Reads a YAML text into nodes and turns every problem into a diagnostic that names the file and line.
///
/// Both site.yml and the front matter of pages go through here, so that a person gets the same
/// kind of message wherever a YAML mistake is.
public struct YAMLReader: Sendable {
    public let file: String
    /// Lines before the YAML text in its file (the `---` line of a front matter block).
    public let lineOffset: Int

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Tags resolved from the text of plain scalars: booleans only (`draft: true`), which Yams
    /// checks the tag of. Texts, whole numbers and dates are read from the scalar's text, so they
    /// need none. Why not Yams's default resolver: it tries seven regular expressions on every
    /// plain scalar, a third of the time spent reading front matter.
    static let resolver = Resolver.basic.appending(.bool)

    /// The root node, or nil for an empty document.
    public func parse(_ text: String) throws(DiagnosticsError) -> Node? {
        do {
            // The encoding is given: Yams's default reads the whole process environment on every call.
            return try Yams.compose(yaml: text, Self.resolver, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticsError(describe(error, lineCount: text.split(separator: "\n", omittingEmptySubsequences: false).count))
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: file), "invalid YAML: \(error)"))
        }
    }

    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private func describe(_ error: YamlError, lineCount: Int) -> Diagnostic {
        let hint = "check the indentation, the ':' after each key and the quotes around values that contain ': ' or start with a special character"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var place = mark
            // libyaml refuses nesting past 1,000 levels (so Yams, which composes nodes recursively, never
            // runs out of stack); its message names a C function.
            if problem.hasPrefix("Maximum nesting level") {
                return .error(SourceLocation(file: file, line: place.line + lineOffset, column: place.column),
                              "the YAML is nested more than 1,000 levels deep",
                              hint: "write the value as a short list or a text: nothing in site.yml or a front matter needs brackets or indentation this deep")
            }
            var message = "malformed YAML: \(problem)"
            if let context {
                message += " \(context.text) that starts at line \(context.mark.line + lineOffset)"
                // A construct left open is found at the end of the text; the place to fix is where it starts.
                if mark.line > lineCount || (mark.line == lineCount && mark.column <= 1) { place = context.mark }
            }
            return .error(SourceLocation(file: file, line: place.line + lineOffset, column: place.column), message, hint: hint)
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: lineOffset + 1), "unreadable YAML: \(problem)", hint: "save the file as UTF-8")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1), "malformed YAML: \(error)", hint: hint)
        }
    }
}

/// Typed reading of a YAML mapping, collecting every problem instead of stopping at the first.
public struct YAMLMappingReader {
    public let reader: YAMLReader
    public let node: Node
    public var diagnostics: [Diagnostic] = []
    private var entries: [(key: String, keyNode: Node, value: Node)] = []

    /// Fails when the node is not a mapping.
    public init?(_ node: Node, reader: YAMLReader, diagnostics: inout [Diagnostic], what: String) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(reader.location(of: node), "\(what) must be a list of 'key: value' lines"))
            return nil
        }
        self.reader = reader
        self.node = node
        for (key, value) in mapping {
            entries.append((key.string ?? "", key, value))
        }
    }

    /// Every key present, in file order, with its location.
    public var keys: [(String, SourceLocation)] { entries.map { ($0.key, reader.location(of: $0.keyNode)) } }

    public func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    public func location(_ key: String) -> SourceLocation {
        entries.first { $0.key == key }.map { reader.location(of: $0.keyNode) } ?? reader.location(of: node)
    }

    /// Reports each key outside `known`, with a suggestion.
    public mutating func reportUnknownKeys(known: [String], severity: Diagnostic.Severity, what: String) {
        for (key, location) in keys where !known.contains(key) {
            let message = "unknown \(what) key '\(key)'"
            diagnostics.append(Diagnostic(severity, location, message, hint: Suggestions.hint(for: key, among: known)))
        }
    }

    public mutating func require(_ key: String, what: String) -> Node? {
        guard let node = value(key) else {
            diagnostics.append(.error(reader.location(of: self.node), "missing required key '\(key)'",
                                      hint: what.isEmpty ? "add a line '\(key): …'" : "add a line '\(key): …' \(what)"))
            return nil
        }
        return node
    }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = required ? require(key, what: "") : value(key) else { return nil }
        guard let text = node.scalar?.string else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a single text value"))
            return nil
        }
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' is empty", hint: "write a value after '\(key):'"))
            return nil
        }
        return text
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be true or false"))
            return nil
        }
        return flag
    }

    public mutating func int(_ key: String) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = node.int else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a whole number"))
            return nil
        }
        return number
    }

    /// A list of texts; a single text is accepted as a list of one (as Hugo does).
    public mutating func strings(_ key: String) -> [(String, SourceLocation)]? {
        guard let node = value(key) else { return nil }
        if let scalar = node.scalar { return [(scalar.string, reader.location(of: node))] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a list, like [a, b]"))
            return nil
        }
        var values: [(String, SourceLocation)] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                diagnostics.append(.error(reader.location(of: item), "each item of '\(key)' must be a single text value"))
                continue
            }
            values.append((text, reader.location(of: item)))
        }
        return values
    }

    /// A text per language: either one text for all languages or a map `{fr: …, en: …}` covering each.
    public mutating func localized(_ key: String, languages: [String], required: Bool = false) -> [String: String]? {
        guard let node = required ? require(key, what: "with a text per language, like {fr: …, en: …}") : value(key) else { return nil }
        if let scalar = node.scalar {
            return Dictionary(uniqueKeysWithValues: languages.map { ($0, scalar.string) })
        }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a text or a map of languages, like {fr: …, en: …}"))
            return nil
        }
        var values: [String: String] = [:]
        for (languageNode, textNode) in mapping {
            let language = languageNode.string ?? ""
            guard languages.contains(language) else {
                diagnostics.append(.error(reader.location(of: languageNode), "'\(key)' has a text for '\(language)', which is not in 'languages'",
                                          hint: Suggestions.hint(for: language, among: languages)))
                continue
            }
            guard let text = textNode.scalar?.string else {
                diagnostics.append(.error(reader.location(of: textNode), "'\(key).\(language)' must be a single text value"))
                continue
            }
            values[language] = text
        }
        for language in languages where values[language] == nil {
            diagnostics.append(.error(reader.location(of: node), "'\(key)' has no text for '\(language)'", hint: "add '\(language): …' to '\(key)'"))
        }
        return values
    }
}
