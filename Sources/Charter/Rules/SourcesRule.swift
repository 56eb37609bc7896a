/// `sources`: a page dedicated to an audience that cites no legal or official text (`sources:` in its front matter).
///
/// Which pages "state rules": every page with `audiences:` and some prose. On this site a page written for an
/// audience tells it what applies to it (who is insured where, for how long, with which form): that is always a
/// rule with a legal basis. A test on words ("article", "règlement", "formulaire", a duration…) would miss the pages
/// that explain a right in plain words, which are the ones the charter asks for. Pages for no audience (about,
/// legal notice, accessibility) and pages without prose are left alone.
struct SourcesRule: CharterRule {
    let id = RuleID.sources

    func check(_ page: PageAnalysis) -> [Finding] {
        let front = page.frontMatter
        guard !front.audiences.isEmpty, front.sources.isEmpty, page.words.contains(where: { !$0.isEmpty }) else { return [] }
        let audiences = front.location(of: "audiences")
        let point = SourcePoint(line: audiences?.line ?? 1, column: audiences?.column ?? 1)
        return [page.finding(id, at: point, "This page is dedicated to an audience but cites no legal or official text.",
                             suggestion: "Add 'sources:' to its front matter: a '- title: …' line naming each text the page relies on "
                                 + "(a regulation, an article of a code, an official page) and a 'url: https://…' line under it.")]
            .compactMap { $0 }
    }
}
