import Configuration
import ContentLoading
import Testing
import Yams
@testable import Charter

/// `sources`: a page for an audience that cites no legal or official text gets a warning at its `audiences:` line.
@Suite struct SourcesRuleTests {
    static let cited = "sources:\n  - title: Règlement (CE) n° 883/2004\n    url: https://eur-lex.europa.eu/eli/reg/2004/883/oj\n"

    static func findings(_ frontMatter: String, body: String = "Le salarié détaché reste assuré en France pendant 24 mois.\n",
                         settings: CharterSettings = CharterSettings.profile("public")!) throws -> [Finding] {
        let text = "---\ntitle: T\ndescription: D\n\(frontMatter)---\n\(body)"
        let parsed = try FrontMatterParser.parse(text, file: "Content/fr/p.md", audiences: ["employeurs"])
        let page = SourcePage(language: "fr", path: "Content/fr/p.md", relativePath: "p.md", kind: .page, frontMatter: parsed.frontMatter,
                              body: parsed.body, bodyFirstLine: parsed.bodyFirstLine)
        return CharterChecker(settings: settings).check(page).findings.rules(.sources)
    }

    @Test func anAudiencePageWithoutSourcesIsWarnedAtItsAudiences() throws {
        let found = try Self.findings("weight: 2\naudiences: [employeurs]\n")
        #expect(found.positions == ["sources:5:1"])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.suggestion?.contains("sources:") == true && found.first?.suggestion?.contains("url: https://") == true)
    }

    @Test func pagesWithSourcesForNoAudienceOrWithoutProseAreLeftAlone() throws {
        #expect(try Self.findings("audiences: [employeurs]\n" + Self.cited).isEmpty)
        #expect(try Self.findings("").isEmpty)
        #expect(try Self.findings("audiences: [employeurs]\n", body: "").isEmpty)
    }

    @Test func theRuleIsConfiguredLikeTheOthers() throws {
        var settings = CharterSettings.profile("public")!
        settings.severities[.sources] = .some(nil)
        #expect(try Self.findings("audiences: [employeurs]\n", settings: settings).isEmpty)
        settings.severities[.sources] = .error
        #expect(try Self.findings("audiences: [employeurs]\n", settings: settings).map(\.severity) == [.error])
        #expect(RuleID.configurable.contains(.sources) && RuleID(rawValue: "sources") == .sources)
        let configured = try CharterConfiguration.read(try Yams.compose(yaml: "rules:\n  sources: off\n"), reader: YAMLReader(file: "charter.yml"),
                                                       languages: ["fr", "en"], profileOverride: nil)
        #expect(configured.severity(of: .sources) == nil)
        #expect(try Self.findings("audiences: [employeurs]\n", settings: configured).isEmpty)
    }
}
