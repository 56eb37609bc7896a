import Configuration
import Diagnostics
import Foundation
import Yams

/// Reads the charter's configuration: the `charter:` section of site.yml, or `charter.yml` beside it.
public enum CharterConfiguration {
    public static let fileName = "charter.yml"
    static let knownKeys = ["profile", "rules", "glossary", "words", "dictionaries", "lexicon"]
    static let ruleKeys: [RuleID: [String]] = [
        .sentenceLength: ["severity", "warning", "error"], .paragraphLength: ["severity", "max"], .readability: ["severity", "min", "words"],
        .plainWords: ["severity", "add", "remove"], .acronymExpansion: ["severity"], .linkText: ["severity", "add"],
        .headingOrder: ["severity"], .imageAlt: ["severity"], .typography: ["severity"], .allCaps: ["severity", "min"],
        .spelling: ["severity"], .frontMatter: ["severity", "title", "description"],
        .sources: ["severity"],
    ]

    /// The settings for the site at `root`; `profile` (from the command line) overrides the configured one.
    public static func load(root: URL, languages: [String], profile: String? = nil) throws(DiagnosticsError) -> CharterSettings {
        let separate = root.appendingPathComponent(fileName)
        var node: Node?
        var reader = YAMLReader(file: ConfigurationLoader.fileName)
        if let data = FileManager.default.contents(atPath: separate.path), let text = String(data: data, encoding: .utf8) {
            reader = YAMLReader(file: fileName)
            node = try reader.parse(text)
        } else if let data = FileManager.default.contents(atPath: root.appendingPathComponent(ConfigurationLoader.fileName).path),
                  let text = String(data: data, encoding: .utf8), let site = try reader.parse(text) {
            node = site.mapping?["charter"]
        }
        return try read(node, reader: reader, languages: languages, profileOverride: profile)
    }

    static func read(_ node: Node?, reader: YAMLReader, languages: [String], profileOverride: String?) throws(DiagnosticsError) -> CharterSettings {
        var diagnostics: [Diagnostic] = []
        guard let node, var section = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: "the charter configuration") else {
            if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
            return try settings(forProfile: profileOverride ?? "public", location: SourceLocation(file: reader.file))
        }
        section.reportUnknownKeys(known: knownKeys + languages, severity: .error, what: "charter")
        let profileName = profileOverride ?? section.string("profile") ?? "public"
        guard var settings = CharterSettings.profile(profileName) else {
            let location = profileOverride == nil ? section.location("profile") : SourceLocation(file: "--profile")
            throw DiagnosticsError(diagnostics + [.error(location, "unknown charter profile '\(profileName)'",
                                                         hint: Suggestions.hint(for: profileName, among: CharterSettings.profiles))])
        }
        if let rules = section.value("rules") {
            readRules(rules, into: &settings, reader: reader, languages: languages, diagnostics: &diagnostics)
        }
        if let glossary = section.value("glossary"), var entries = YAMLMappingReader(glossary, reader: reader, diagnostics: &diagnostics, what: "'glossary'") {
            entries.reportUnknownKeys(known: languages, severity: .error, what: "glossary language")
            for language in languages {
                guard let list = entries.value(language)?.mapping else { continue }
                for (acronym, expansion) in list {
                    if let name = acronym.string { settings.glossary[language, default: [:]][name] = expansion.string ?? "" }
                }
            }
            diagnostics += entries.diagnostics
        }
        settings.words = (section.strings("words") ?? []).map(\.0)
        if let dictionaries = section.value("dictionaries") {
            readSpellingDictionaries(dictionaries, into: &settings, reader: reader, languages: languages, diagnostics: &diagnostics)
        }
        if let usesLexicon = section.bool("lexicon") { settings.usesLexicon = usesLexicon }
        // `fr: {rules: …}`: thresholds of one language, over the site's.
        for language in languages {
            guard let node = section.value(language),
                  var entry = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: "'\(language)'") else { continue }
            entry.reportUnknownKeys(known: ["rules"], severity: .error, what: "charter.\(language)")
            var languageSettings = settings
            if let rules = entry.value("rules") {
                readRules(rules, into: &languageSettings, reader: reader, languages: languages, diagnostics: &diagnostics)
            }
            settings.languageOverrides[language] = languageSettings
            diagnostics += entry.diagnostics
        }
        diagnostics += section.diagnostics
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        return settings
    }

    static func settings(forProfile name: String, location: SourceLocation) throws(DiagnosticsError) -> CharterSettings {
        guard let settings = CharterSettings.profile(name) else {
            throw DiagnosticsError(.error(location, "unknown charter profile '\(name)'", hint: Suggestions.hint(for: name, among: CharterSettings.profiles)))
        }
        return settings
    }

    static func readRules(_ node: Node, into settings: inout CharterSettings, reader: YAMLReader, languages: [String], diagnostics: inout [Diagnostic]) {
        guard var rules = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: "'rules'") else { return }
        rules.reportUnknownKeys(known: RuleID.configurable.map(\.rawValue), severity: .error, what: "rule")
        for rule in RuleID.configurable {
            guard let ruleNode = rules.value(rule.rawValue) else { continue }
            // `rule: off` or `rule: warning` alone sets the severity.
            if let word = ruleNode.scalar?.string {
                setSeverity(word, of: rule, in: &settings, at: reader.location(of: ruleNode), diagnostics: &diagnostics)
                continue
            }
            guard var entry = YAMLMappingReader(ruleNode, reader: reader, diagnostics: &diagnostics, what: "rule '\(rule.rawValue)'") else { continue }
            entry.reportUnknownKeys(known: ruleKeys[rule] ?? ["severity"], severity: .error, what: "\(rule.rawValue)")
            if let word = entry.string("severity") {
                setSeverity(word, of: rule, in: &settings, at: entry.location("severity"), diagnostics: &diagnostics)
            }
            switch rule {
            case .sentenceLength:
                if let value = entry.int("warning") { settings.sentenceWarning = value }
                if let value = entry.int("error") { settings.sentenceError = value }
            case .paragraphLength:
                if let value = entry.int("max") { settings.paragraphMax = value }
            case .allCaps:
                if let value = entry.int("min") { settings.allCapsMin = value }
            case .frontMatter:
                if let value = entry.int("title") { settings.titleMax = value }
                if let value = entry.int("description") { settings.descriptionMax = value }
            case .readability:
                if let minimum = entry.value("min") { readPerLanguageNumbers(minimum, into: &settings.readabilityMin, reader: reader, languages: languages, diagnostics: &diagnostics) }
                if let value = entry.int("words") { settings.readabilityMinWords = value }
            case .plainWords:
                if let added = entry.value("add")?.mapping {
                    for (language, list) in added {
                        guard let code = language.string else { continue }
                        for (phrase, suggestion) in list.mapping ?? [:] {
                            guard let text = phrase.string, let plain = suggestion.string else { continue }
                            settings.plainWords[code, default: []].removeAll { $0.phrase.lowercased() == text.lowercased() }
                            settings.plainWords[code, default: []].append(PlainWord(phrase: text, suggestion: plain))
                        }
                        settings.plainWords[code] = PlainWordsFile.sortedForMatching(settings.plainWords[code] ?? [])
                    }
                }
                for (phrase, _) in entry.strings("remove") ?? [] {
                    for language in settings.plainWords.keys { settings.plainWords[language]?.removeAll { $0.phrase.lowercased() == phrase.lowercased() } }
                }
            case .linkText:
                if let added = entry.value("add")?.mapping {
                    for (language, list) in added {
                        guard let code = language.string else { continue }
                        for item in list.sequence ?? [] { if let text = item.string { settings.vagueLinkTexts[code, default: []].insert(text.lowercased()) } }
                    }
                }
            default:
                break
            }
            diagnostics += entry.diagnostics
        }
        diagnostics += rules.diagnostics
    }

    static func setSeverity(_ word: String, of rule: RuleID, in settings: inout CharterSettings, at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        if word == "off" {
            settings.severities[rule] = .some(nil)
        } else if let severity = FindingSeverity(rawValue: word) {
            settings.severities[rule] = severity
        } else {
            diagnostics.append(.error(location, "'\(word)' is not a severity", hint: "use off, info, warning or error"))
        }
    }

    static func readPerLanguageNumbers(_ node: Node, into values: inout [String: Double], reader: YAMLReader, languages: [String], diagnostics: inout [Diagnostic]) {
        if let number = node.float ?? node.int.map(Double.init) {
            for language in languages { values[language] = number }
            return
        }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(reader.location(of: node), "'min' must be a number or a number per language, like {fr: 40, en: 45}"))
            return
        }
        for (language, value) in mapping {
            guard let number = value.float ?? value.int.map(Double.init) else {
                diagnostics.append(.error(reader.location(of: value), "'\(value.string ?? "")' is not a number", hint: "write a number, like 40"))
                continue
            }
            values[language.string ?? ""] = number
        }
    }
}
