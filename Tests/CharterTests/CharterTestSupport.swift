import Charter
import ContentLoading
import Diagnostics
import Foundation

/// Checks a Markdown page given as text, the way `cleiss-site check` does.
func checkPage(_ text: String, language: String = "fr", file: String = "Content/fr/page.md", settings: CharterSettings? = nil,
               syllables: [String: any SyllableCounting] = [:], spelling: [String: any SpellingChecking] = [:]) throws -> (findings: [Finding], statistics: PageStatistics) {
    let parsed = try FrontMatterParser.parse(text, file: file, audiences: [])
    let page = SourcePage(language: language, path: file, relativePath: String(file.split(separator: "/").dropFirst(2).joined(separator: "/")),
                          kind: .page, frontMatter: parsed.frontMatter, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
    let checker = CharterChecker(settings: settings ?? CharterSettings.profile("public")!, syllables: syllables, spelling: spelling)
    return checker.check(page)
}

func page(_ body: String, title: String = "Une page", description: String = "Une description courte.") -> String {
    "---\ntitle: \"\(title)\"\ndescription: \"\(description)\"\n---\n\(body)"
}

extension Array where Element == Finding {
    func rules(_ rule: RuleID) -> [Finding] { filter { $0.rule == rule } }
    var positions: [String] { map { "\($0.rule.rawValue):\($0.line):\($0.column)" } }
}
