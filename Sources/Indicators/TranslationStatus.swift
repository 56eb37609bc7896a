import ContentLoading

/// Missing and outdated translations of translation groups.
///
/// Outdated: the source-language version (the default language) changed after its translation. In
/// git, the source's last content commit (not marked `[minor]`) is newer than the translation's last
/// commit; outside git, the source's `lastmod` is after the translation's. File modification times
/// are never used: git does not keep them.
public struct TranslationStatus: Sendable {
    public var missing: [String]
    public var outdated: [String]

    public static func of(groups: [String: [Int]], content: SiteContent, history: GitHistory?) -> TranslationStatus {
        let languages = content.configuration.languages
        let source = content.configuration.defaultLanguage
        var missing: [String] = [], outdated: [String] = []
        for versions in groups.values {
            // All versions of the group, not only those dedicated to the audience or counted in the period.
            let all = content.versions(of: versions[0]).filter { !content.pages[$0].frontMatter.draft }.map { content.pages[$0] }
            let present = Set(all.map(\.language))
            if !languages.allSatisfy(present.contains) { missing += all.map(\.source.path) }
            guard let original = all.first(where: { $0.language == source }) else { continue }
            for translation in all where translation.language != source && isOutdated(translation, comparedWith: original, history: history) {
                outdated.append(translation.source.path)
            }
        }
        return TranslationStatus(missing: missing.sorted(), outdated: outdated.sorted())
    }

    public static func isOutdated(_ translation: Page, comparedWith original: Page, history: GitHistory?) -> Bool {
        if let history, let changed = history.lastContentCommit[original.source.path], let translated = history.lastCommit[translation.source.path] {
            return changed > translated
        }
        guard let changed = original.frontMatter.lastmod ?? original.frontMatter.date,
              let translated = translation.frontMatter.lastmod ?? translation.frontMatter.date else { return false }
        return changed.isoDay > translated.isoDay
    }
}
