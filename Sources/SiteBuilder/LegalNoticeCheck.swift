import Configuration
import ContentLoading
import Diagnostics

extension BuildSession {
    /// Step 4b: the legal notice names its publication director and host (site.yml, `legalNotice:`), and
    /// the page that shows them exists in each language built. An empty setting is a warning while
    /// editing and an error in a build for publication (`--production`): the build never invents them.
    static func checkLegalNotice(_ content: SiteContent, plan: BuildPlan, progress: inout BuildProgress) {
        for problem in SiteBuilder.legalNoticeProblems(content, languages: plan.languages, production: plan.options.production) {
            if problem.severity == .error { progress.errors.append(problem) } else { progress.warnings.append(problem) }
        }
    }
}

extension SiteBuilder {
    static func legalNoticeProblems(_ content: SiteContent, languages: [String], production: Bool) -> [Diagnostic] {
        guard let notice = content.configuration.legalNotice else { return [] }
        var problems: [Diagnostic] = []
        for language in languages where content.legalNoticePage(notice, language: language) == nil {
            problems.append(.error(notice.pageLocation, "no page of language '\(language)' has translationKey '\(notice.page)', the legal notice of site.yml",
                                   hint: "add 'translationKey: \(notice.page)' to the legal notice page of '\(language)', or set legalNotice.page to its translationKey"))
        }
        for setting in notice.missing {
            let message = "\(setting.key) is empty: the legal notice must name it (LCEN, art. 6 III)"
            problems.append(production
                ? .error(setting.location, message, hint: "fill it in site.yml: a build for publication does not go online without it")
                : .warning(setting.location, message + "; a build with --production refuses it", hint: "fill it in site.yml before publishing"))
        }
        return problems
    }
}

extension SiteContent {
    /// The index of the page of `language` that shows the legal notice's settings.
    func legalNoticePage(_ notice: LegalNotice, language: String) -> Int? {
        pages.indices.first { pages[$0].language == language && pages[$0].source.frontMatter.translationKey == notice.page }
    }
}
