import Foundation
@testable import SiteBuilder

/// A small site written into a temporary folder, with the repository's default theme.
struct TestSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var output: URL { root.appendingPathComponent("Site") }

    static let siteYML = """
    title: {fr: Cleiss, en: Cleiss}
    baseURL: https://www.example.fr/
    languages: [fr, en]
    theme: default
    audiences:
      - id: journalistes
        label: {fr: Journalistes, en: Journalists}
        slug: {fr: journalistes, en: journalists}
        cog: 2026
      - id: employeurs
        label: {fr: Employeurs, en: Employers}
        slug: {fr: employeurs, en: employers}
        cog: 2027
    """

    /// A site with a home page, a section and two pages per language.
    static func make() throws -> TestSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Themes"), to: root.appendingPathComponent("Themes"))
        let site = TestSite(root: root)
        try site.write("site.yml", siteYML)
        try site.write("Content/fr/_index.md", page(title: "Accueil", description: "La page d'accueil."))
        try site.write("Content/en/_index.md", page(title: "Home", description: "The home page."))
        try site.write("Content/fr/travailler/_index.md", page(title: "Travailler à l'étranger", description: "Partir travailler.", extra: "translationKey: work"))
        try site.write("Content/en/working/_index.md", page(title: "Working abroad", description: "Going to work abroad.", extra: "translationKey: work"))
        try site.write("Content/fr/travailler/mission.md", page(title: "Journaliste en mission", description: "Partir en mission.",
                                                                   extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01",
                                                                   body: "## Durée\n\nVoir [le détachement](detachement.md#duree).\n"))
        try site.write("Content/en/working/assignment.md", page(title: "Journalist on assignment", description: "Going on assignment.",
                                                                    extra: "translationKey: mission\naudiences: [journalistes]\ndate: 2026-03-01"))
        try site.write("Content/fr/travailler/detachement.md", page(title: "Détacher un salarié", description: "Le détachement.",
                                                                       extra: "audiences: [employeurs, journalistes]\ndate: 2026-11-28",
                                                                       body: "## Durée\n\nJusqu'à 24 mois.\n"))
        return site
    }

    static func page(title: String, description: String, extra: String = "", body: String = "Texte.\n") -> String {
        "---\ntitle: \"\(title)\"\ndescription: \"\(description)\"\n\(extra)\n---\n\(body)"
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func read(_ outputPath: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(outputPath).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    @discardableResult
    func build(languages: [String]? = nil, baseURL: String? = nil, output: URL? = nil) throws -> BuildReport {
        try SiteBuilder.build(BuildOptions(source: root, output: output ?? self.output, languages: languages, baseURL: baseURL))
    }

    /// Every file of the output with its bytes, to compare two builds or to check that a failed build changed nothing.
    func snapshot(_ folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            let full = base.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// Files and folders beside the output folder: a failed build must leave no staging folder behind.
    func siblingsOfOutput() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}
