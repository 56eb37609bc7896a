import Diagnostics
import Testing
@testable import Configuration

@Suite struct ConfigurationLoaderTests {
    let valid = """
    title: {fr: Cleiss, en: Cleiss}
    baseURL: https://www.cleiss.fr
    languages: [fr, en]
    audiences:
      - id: journalistes
        label: {fr: Journalistes, en: Journalists}
        slug: {fr: journalistes, en: journalists}
        cog: 2026
    """

    func errors(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try ConfigurationLoader.parse(yaml)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func theEditorTemplateIsCheckedAndFilledIn() throws {
        // {path} is the absolute path, its leading slash included.
        let site = try ConfigurationLoader.parse(valid + "\neditor: \"vscode://file/{path}:{line}:{column}\"")
        #expect(site.editor?.url(path: "/srv/my site/Content/fr/a.md", line: 3, column: 7) == "vscode://file//srv/my%20site/Content/fr/a.md:3:7")
        let problems = errors(valid + "\neditor: \"idea://open?file={file}&line={line}\"")
        #expect(problems.map(\.message) == ["editor: unknown placeholder '{file}' in 'idea://open?file={file}&line={line}'"])
        #expect(problems.first?.location.line == 9)
        #expect(errors(valid + "\neditor: \"x://{path\"").map(\.message) == ["editor: unknown placeholder '{path' in 'x://{path'"])
    }

    @Test func readsAValidSite() throws {
        let site = try ConfigurationLoader.parse(valid)
        #expect(site.baseURL == "https://www.cleiss.fr/")
        #expect(site.defaultLanguage == "fr")
        #expect(site.theme == "default")
        #expect(site.allowRawHTML == false)
        #expect(site.audiences.map(\.id) == ["journalistes"])
        #expect(site.audience(id: "journalistes")?.slug["en"] == "journalists")
        #expect(site.audience(id: "journalistes")?.cog == 2026)
        #expect(site.audiencesPath == ["fr": "publics", "en": "audiences"])
    }

    @Test func theRealSiteFileIsValid() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = try ConfigurationLoader.load(root: url)
        #expect(site.audiences.map(\.id) == ["organisations-internationales", "pays-ni-ni", "saisonniers", "journalistes",
                                             "cooperation-sanitaire", "employeurs", "carriere-internationale"])
        #expect(site.audiences.map(\.cog) == [2025, 2025, 2026, 2026, 2027, 2027, 2028])
    }

    @Test func unknownKeysAreErrorsWithTheirLine() {
        let found = errors(valid + "\nthemes: default\n")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 9)
        #expect(found.first?.message.contains("unknown site.yml key 'themes'") == true)
        #expect(found.first?.hint == "did you mean 'theme'?")
        let audienceKey = errors(valid.replacingOccurrences(of: "    cog: 2026", with: "    year: 2026"))
        #expect(audienceKey.first?.location.line == 8)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = errors("title: {fr: Cleiss}\nbaseURL: ftp://x\nlanguages: [fr, en, fr]\n")
        let messages = found.map(\.message)
        #expect(messages.contains { $0.contains("'title' has no text for 'en'") })
        #expect(messages.contains { $0.contains("not an absolute http(s) URL") })
        #expect(messages.contains { $0.contains("listed twice") })
    }

    @Test func malformedYAMLGivesItsLine() {
        let found = errors("title: Cleiss\nbaseURL: https://x.fr/\nlanguages: [fr\n")
        #expect(found.first?.message.hasPrefix("malformed YAML") == true)
        #expect((found.first?.location.line ?? 0) >= 3)
    }

    @Test func audienceSlugsCannotLeaveTheirFolder() {
        let found = errors(valid.replacingOccurrences(of: "en: journalists}", with: "en: ../journalists}"))
        #expect(found.contains { $0.message.contains("is not a URL segment") })
    }
}

import Foundation
