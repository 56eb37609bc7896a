import ContentLoading
import GitHistory

/// Missing and outdated translations of translation groups.
///
/// Outdated: the source-language version (the default language) changed after its translation
/// (`OutdatedTranslation`, in the GitHistory module, says how).
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
            for translation in all where translation.language != source && OutdatedTranslation.isOutdated(translation, comparedWith: original, history: history) {
                outdated.append(translation.source.path)
            }
        }
        return TranslationStatus(missing: missing.sorted(), outdated: outdated.sorted())
    }
}
