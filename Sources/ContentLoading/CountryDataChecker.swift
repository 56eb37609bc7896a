import Configuration
import Diagnostics
import Foundation
import Yams

/// The schema of `Data/countries.yml` (README.md, "Pages made from data"), node by node.
extension CountryDataLoader {
    /// The checks of the schema, gathering every problem.
    struct Checker {
        let reader: YAMLReader
        let languages: [String]
        let address: SiteAddress
        var diagnostics: [Diagnostic] = []
        var cited: Set<String> = []
        var sourceLocations: [String: SourceLocation] = [:]

        mutating func error(_ node: Node, _ message: String, hint: String? = nil) {
            diagnostics.append(.error(reader.location(of: node), message, hint: hint))
        }

        mutating func entry(_ node: Node, what: String, known: [String]) -> YAMLMappingReader? {
            guard var entry = YAMLMappingReader(node, reader: reader, diagnostics: &diagnostics, what: what) else { return nil }
            entry.reportUnknownKeys(known: known, severity: .error, what: what)
            return entry
        }

        mutating func sources(_ node: Node) -> [String: DataSource] {
            guard let mapping = node.mapping else {
                error(node, "'sources' must be a map of sources by key, like 'cleiss-agreements: {title: …, url: …}'")
                return [:]
            }
            guard mapping.count <= maxSources else {
                error(node, "'sources' has \(mapping.count) entries, more than \(maxSources)", hint: "cite one source for many facts")
                return [:]
            }
            var sources: [String: DataSource] = [:]
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                sourceLocations[key] = reader.location(of: keyNode)
                guard var entry = self.entry(value, what: "source '\(key)'", known: sourceKeys) else { continue }
                let title = entry.localized("title", languages: languages, required: true) ?? [:]
                let url = entry.string("url", required: true) ?? ""
                let parsed = URL(string: url)
                if !url.isEmpty, parsed.map({ ["http", "https"].contains($0.scheme ?? "") && $0.host != nil }) != true {
                    entry.diagnostics.append(.error(entry.location("url"), "the url of source '\(key)' is not an absolute http(s) URL",
                                                    hint: "give the address of the official page, like https://www.legifrance.gouv.fr/…"))
                } else if let host = parsed?.host, address.isOwnPage(url) {
                    // As a page's `sources:` (README, "Writing a page"): the earlier site's pages there go when this one is published.
                    entry.diagnostics.append(.warning(entry.location("url"), "the source '\(key)' is on the site's own address (\(host)): its page is gone once this site is published there",
                                                      hint: "cite the text where it is published (Légifrance, EUR-Lex, a ministry, a fund), or check the page stays online"))
                }
                diagnostics += entry.diagnostics
                sources[key] = DataSource(key: key, title: title, url: url)
            }
            return sources
        }

        mutating func countries(_ node: Node, sources: [String: DataSource]) -> [Country] {
            guard let items = node.sequence else {
                error(node, "'countries' must be a list of entries, each starting with '- id:'")
                return []
            }
            guard items.count <= maxCountries else {
                error(node, "'countries' has \(items.count) entries, more than \(maxCountries)", hint: "keep one entry per country")
                return []
            }
            var countries: [Country] = []
            var ids: [String: SourceLocation] = [:]
            var slugs: [String: SourceLocation] = [:]
            for item in items {
                guard let country = country(item, sources: sources) else { continue }
                if let first = ids[country.id] {
                    diagnostics.append(.error(reader.location(of: item), "the id '\(country.id)' is already the id of the country at line \(first.line ?? 1)",
                                              hint: "give each country its own id, or merge the two entries"))
                    continue
                }
                ids[country.id] = reader.location(of: item)
                var duplicate = false
                for language in languages {
                    guard let slug = country.slug[language] else { continue }
                    if let first = slugs[language + "/" + slug] {
                        duplicate = true
                        diagnostics.append(.error(reader.location(of: item), "the slug '\(slug)' (\(language)) is already the slug of the country at line \(first.line ?? 1)",
                                                  hint: "give each country its own URL segment in each language"))
                    }
                    slugs[language + "/" + slug] = reader.location(of: item)
                }
                if !duplicate { countries.append(country) }
            }
            return countries
        }

        mutating func country(_ node: Node, sources: [String: DataSource]) -> Country? {
            guard var entry = self.entry(node, what: "country", known: countryKeys) else { return nil }
            defer { diagnostics += entry.diagnostics }
            let id = entry.string("id", required: true)
            if let id, !URLSegment.isLowercaseWords(id) {
                entry.diagnostics.append(.error(entry.location("id"), "the id '\(id)' is not lowercase ASCII letters and digits joined by hyphens",
                                                hint: "write it like 'south-korea'"))
            }
            let name = localizedTexts(&entry, "name")
            var slug = entry.localized("slug", languages: languages, required: true)
            for (language, segment) in (slug ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let problem = URLSegment.problem(with: segment) {
                    entry.diagnostics.append(.error(entry.location("slug"), "the slug '\(segment)' (\(language)) is not a URL segment: \(problem)",
                                                    hint: "use lowercase letters, digits and hyphens"))
                    slug = nil
                }
            }
            var regime: Regime?
            if let text = entry.string("regime", required: true) {
                regime = Regime(rawValue: text)
                if regime == nil {
                    entry.diagnostics.append(.error(entry.location("regime"), "unknown regime '\(text)'",
                                                    hint: Suggestions.hint(for: text, among: Regime.allCases.map(\.rawValue))))
                }
            }
            let regimeSource = source(&entry, "regime_source", for: "regime", sources: sources)
            var agreement: Agreement?
            if let node = entry.value("agreement") {
                if let regime, regime != .bilateral {
                    entry.diagnostics.append(.error(entry.location("agreement"), "'agreement' is given for a country whose regime is '\(regime.rawValue)'",
                                                    hint: "remove 'agreement', or set 'regime: bilateral' if France has a bilateral agreement with it"))
                } else {
                    agreement = self.agreement(node, sources: sources)
                }
            } else if regime == .bilateral {
                entry.diagnostics.append(.error(entry.location("regime"), "the regime is 'bilateral' but 'agreement' is missing",
                                                hint: "add 'agreement:' with its branches, their source and the posting durations"))
            }
            let note = entry.value("note") == nil ? nil : localizedTexts(&entry, "note")
            var checked: PageDate?
            if let text = entry.string("checked", required: true) {
                checked = PageDate(text)
                if checked == nil {
                    entry.diagnostics.append(.error(entry.location("checked"), "'checked' is not a date: '\(text)'",
                                                    hint: "write the day the facts were last checked as YYYY-MM-DD, like 2026-12-05"))
                }
            }
            guard let id, let name, let slug, let regime, let regimeSource, let checked, regime != .bilateral || agreement != nil else { return nil }
            return Country(id: id, name: name, slug: slug, regime: regime, regimeSource: regimeSource, agreement: agreement, note: note, checked: checked,
                           regimeLocation: entry.location("regime"))
        }

        mutating func agreement(_ node: Node, sources: [String: DataSource]) -> Agreement? {
            guard var entry = self.entry(node, what: "'agreement'", known: agreementKeys) else { return nil }
            defer { diagnostics += entry.diagnostics }
            var branches: [Branch] = []
            for (text, location) in entry.strings("branches") ?? [] {
                guard let branch = Branch(rawValue: text) else {
                    entry.diagnostics.append(.error(location, "unknown branch '\(text)'",
                                                    hint: Suggestions.hint(for: text, among: Branch.allCases.map(\.rawValue))))
                    continue
                }
                if !branches.contains(branch) { branches.append(branch) }
            }
            // Each fact and its source go together: both or neither.
            let branchesSource = entry.value("branches") == nil
                ? orphanSource(&entry, "branches_source", of: "branches") : source(&entry, "branches_source", for: "branches", sources: sources)
            var posting: Posting?
            var postingSource: String?
            if let node = entry.value("posting"), var durations = self.entry(node, what: "'posting'", known: postingKeys) {
                let initial = months(&durations, "initial_months", minimum: 1)
                let extensionValue = postingExtension(&durations)
                diagnostics += durations.diagnostics
                if let initial, let extensionValue { posting = Posting(initialMonths: initial, extensionLength: extensionValue) }
                postingSource = source(&entry, "posting_source", for: "posting", sources: sources)
            } else if entry.value("posting") == nil {
                _ = orphanSource(&entry, "posting_source", of: "posting")
            }
            if entry.value("branches") == nil && entry.value("posting") == nil {
                entry.diagnostics.append(.error(reader.location(of: node), "the agreement gives neither its branches nor its posting durations",
                                                hint: "give at least one of them with its source; what cannot be sourced is left out"))
            }
            let note = entry.value("note") == nil ? nil : localizedTexts(&entry, "note")
            guard !entry.diagnostics.hasErrors else { return nil }
            return Agreement(branches: branches, branchesSource: branchesSource, posting: posting, postingSource: postingSource, note: note,
                             branchesLocation: entry.value("branches").map { reader.location(of: $0) })
        }

        /// A `*_source` given without its fact: an error; nil.
        mutating func orphanSource(_ entry: inout YAMLMappingReader, _ key: String, of fact: String) -> String? {
            if entry.value(key) != nil {
                entry.diagnostics.append(.error(entry.location(key), "'\(key)' is given without '\(fact)'",
                                                hint: "give '\(fact)' too, or remove the source: a fact and its source go together"))
            }
            return nil
        }

        /// The extension of a posting: exactly one of `extension_months` and `extension`.
        mutating func postingExtension(_ entry: inout YAMLMappingReader) -> PostingExtension? {
            switch (entry.value("extension_months") != nil, entry.value("extension")) {
            case (true, nil):
                return months(&entry, "extension_months", minimum: 0).map { .months($0) }
            case (false, .some):
                guard let text = entry.string("extension", required: true) else { return nil }
                guard let value = PostingExtension.keywords[text] else {
                    entry.diagnostics.append(.error(entry.location("extension"), "unknown extension '\(text)'",
                                                    hint: Suggestions.hint(for: text, among: PostingExtension.keywords.keys.sorted())))
                    return nil
                }
                return value
            case (true, .some):
                entry.diagnostics.append(.error(entry.location("extension"), "'posting' gives both 'extension_months' and 'extension'",
                                                hint: "keep one: a number of months, or until-work-ends, or by-agreement"))
                return nil
            case (false, nil):
                entry.diagnostics.append(.error(reader.location(of: entry.node), "'posting' has no extension",
                                                hint: "add 'extension_months: N' (0 when there is none) or 'extension: until-work-ends' or 'extension: by-agreement'"))
                return nil
            }
        }

        /// A duration in months: a whole number from `minimum` to ten years.
        mutating func months(_ entry: inout YAMLMappingReader, _ key: String, minimum: Int) -> Int? {
            guard entry.value(key) != nil else {
                entry.diagnostics.append(.error(reader.location(of: entry.node), "missing required key '\(key)'",
                                                hint: "give the number of months (0 for 'extension_months' when there is none)"))
                return nil
            }
            guard let value = entry.int(key) else { return nil }
            guard (minimum...120).contains(value) else {
                entry.diagnostics.append(.error(entry.location(key), "'\(key)' is \(value), not a number of months from \(minimum) to 120",
                                                hint: "give the duration the agreement states, in months"))
                return nil
            }
            return value
        }

        /// The source key of a fact (`regime_source` for `regime`…): required, and defined in `sources:`.
        mutating func source(_ entry: inout YAMLMappingReader, _ key: String, for fact: String, sources: [String: DataSource]) -> String? {
            guard entry.value(key) != nil else {
                entry.diagnostics.append(.error(entry.location(fact), "'\(fact)' has no source: '\(key)' is missing",
                                                hint: "add '\(key): <key of sources:>' naming the official page that states it"))
                return nil
            }
            guard let text = entry.string(key, required: true) else { return nil }
            guard sources[text] != nil else {
                entry.diagnostics.append(.error(entry.location(key), "the source '\(text)' is not defined in 'sources:'",
                                                hint: sources.isEmpty ? "add it to 'sources:' with its title and url" : Suggestions.hint(for: text, among: sources.keys.sorted())))
                return nil
            }
            cited.insert(text)
            return text
        }

        /// A text per language of the site, each with its place: `{fr: …, en: …}` (every language required).
        mutating func localizedTexts(_ entry: inout YAMLMappingReader, _ key: String) -> [String: DataText]? {
            guard let node = entry.require(key, what: "with a text per language, like {fr: …, en: …}") else { return nil }
            guard let mapping = node.mapping else {
                entry.diagnostics.append(.error(reader.location(of: node), "'\(key)' must be a map of languages, like {fr: …, en: …}"))
                return nil
            }
            var texts: [String: DataText] = [:]
            for (languageNode, textNode) in mapping {
                let language = languageNode.string ?? ""
                guard languages.contains(language) else {
                    entry.diagnostics.append(.error(reader.location(of: languageNode), "'\(key)' has a text for '\(language)', which is not a language of site.yml",
                                                    hint: Suggestions.hint(for: language, among: languages)))
                    continue
                }
                guard let text = textNode.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    entry.diagnostics.append(.error(reader.location(of: textNode), "'\(key).\(language)' must be a text"))
                    continue
                }
                texts[language] = DataText(text, at: reader.location(of: textNode))
            }
            // A language given with a wrong value is reported above; one not given at all, here.
            for language in languages where !mapping.keys.contains(where: { $0.string == language }) {
                entry.diagnostics.append(.error(reader.location(of: node), "'\(key)' has no text for '\(language)'",
                                                hint: "add '\(language): …' to '\(key)': every language of site.yml needs one"))
            }
            return languages.allSatisfy { texts[$0] != nil } ? texts : nil
        }
    }
}
