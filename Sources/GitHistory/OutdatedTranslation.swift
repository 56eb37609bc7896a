import ContentLoading

/// The outdated-translation rule, shared by `report` (translation status, page inventory) and `build`
/// (the "outdated translation" notice on a page).
///
/// Outdated: the source-language version changed after its translation. In git, the source's last
/// content commit (not marked `[minor]`) is newer than the translation's last commit; outside git, the
/// source's `lastmod` is after the translation's. File modification times are never used: git does not keep them.
public enum OutdatedTranslation {
    public static func isOutdated(_ translation: Page, comparedWith original: Page, history: GitHistory?) -> Bool {
        if let history, let changed = history.lastContentCommit[original.source.path], let translated = history.lastCommit[translation.source.path] {
            return changed > translated
        }
        guard let changed = original.frontMatter.lastmod ?? original.frontMatter.date,
              let translated = translation.frontMatter.lastmod ?? translation.frontMatter.date else { return false }
        return changed.isoDay > translated.isoDay
    }
}
