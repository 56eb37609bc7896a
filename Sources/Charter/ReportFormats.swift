import Support
import Foundation

/// The outputs of `cleiss-site check`: text like a compiler, JSON, SARIF 2.1.0 for code-scanning views,
/// and the formats GitHub Actions and GitLab CI show on a change's lines (`CIReportFormats.swift`).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, gitlab

    public func render(_ report: CharterReport) -> String {
        switch self {
        case .text: return TextReport.render(report)
        case .json: return JSONReport.render(report)
        case .sarif: return SARIFReport.render(report)
        case .github: return GitHubReport.render(report)
        case .gitlab: return GitLabReport.render(report)
        }
    }
}

enum TextReport {
    static func render(_ report: CharterReport) -> String {
        var lines = report.findings.map(\.compilerStyle)
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 errors, 12 warnings, 4 infos in 66 pages`.
    static func summary(_ report: CharterReport) -> String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        return "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning")), \(count(report.infoCount, "info")) in \(count(report.pages.count, "page"))"
    }
}

extension CharterReport {
    /// The summary line `build` prints.
    public var summary: String { TextReport.summary(self) }
}

enum JSONReport {
    struct Document: Encodable {
        struct Diagnostic: Encodable {
            var file: String, line: Int, column: Int, rule: String, severity: String, message: String, suggestion: String?
        }
        struct Page: Encodable {
            var file: String, lang: String, words: Int, sentences: Int, syllables: Int, readability: Double?

            enum CodingKeys: String, CodingKey { case file, lang, words, sentences, syllables, readability }

            /// Every page has the same keys: a page without prose gives `"readability": null` (the synthesized
            /// encoding would leave the key out).
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(file, forKey: .file)
                try container.encode(lang, forKey: .lang)
                try container.encode(words, forKey: .words)
                try container.encode(sentences, forKey: .sentences)
                try container.encode(syllables, forKey: .syllables)
                try container.encode(readability, forKey: .readability)
            }
        }
        var diagnostics: [Diagnostic]
        var pages: [Page]
    }

    static func render(_ report: CharterReport) -> String {
        let document = Document(
            diagnostics: report.findings.map { .init(file: $0.file, line: $0.line, column: $0.column, rule: $0.rule.rawValue,
                                                     severity: $0.severity.rawValue, message: $0.message, suggestion: $0.suggestion) },
            pages: report.pages.sorted { $0.file < $1.file }.map {
                .init(file: $0.file, lang: $0.language, words: $0.words, sentences: $0.sentences, syllables: $0.syllables,
                      readability: $0.readability.map { ($0 * 10).rounded() / 10 })
            })
        return encode(document)
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        JSONText.pretty(value, orElse: "{}")
    }
}

enum SARIFReport {
    static let ruleDescriptions: [RuleID: String] = [
        .sentenceLength: "Sentences stay short: a warning over 25 words, an error over 40.",
        .paragraphLength: "Paragraphs and list items hold at most 5 sentences.",
        .readability: "The page's readability score (Kandel & Moles in French, Flesch in English) stays above a floor, on pages of 100 words or more.",
        .plainWords: "Words and phrases with a plainer equivalent.",
        .acronymExpansion: "Acronyms are written out in full the first time.",
        .linkText: "Link text says where the link goes.",
        .headingOrder: "Headings start at level 2 and skip no level.",
        .imageAlt: "Images have an alternative text, unless decorative.",
        .typography: "French and English typography (no-break spaces, ordinals, etc.).",
        .allCaps: "No runs of words in capitals.",
        .spelling: "Words are in the dictionary or the site's word list.",
        .frontMatter: "Titles and descriptions are present and short enough; the front matter reads as the build reads it.",
        .sources: "A page dedicated to an audience cites the legal or official texts it relies on ('sources:' in its front matter).",
        .source: "The file reads as the build reads it: UTF-8, within the limits of site.yml, inside the site.",
    ]

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var informationUri: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var shortDescription: Message; var defaultConfiguration: Configuration }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable { var ruleId: String; var level: String; var message: Message; var locations: [Location] }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }

    static func level(_ severity: FindingSeverity) -> String { severity == .info ? "note" : severity.rawValue }

    static func render(_ report: CharterReport) -> String {
        let rules = RuleID.allCases.map { Rule(id: $0.rawValue, shortDescription: Message(text: ruleDescriptions[$0] ?? $0.rawValue),
                                               defaultConfiguration: Configuration(level: level($0 == .source ? .error : CharterSettings.profile("public")?.severity(of: $0) ?? .warning))) }
        let results = report.findings.map { finding in
            Result(ruleId: finding.rule.rawValue, level: level(finding.severity),
                   message: Message(text: finding.message + (finding.suggestion.map { " " + $0 } ?? "")),
                   locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: finding.file),
                                                                           region: Region(startLine: finding.line, startColumn: finding.column)))])
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(name: "cleiss-site", informationUri: "https://www.cleiss.fr/", rules: rules)), results: results)])
        return JSONReport.encode(log)
    }
}
