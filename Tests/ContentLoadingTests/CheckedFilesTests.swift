import Configuration
import Diagnostics
import Foundation
import Testing
@testable import ContentLoading

/// The files of a load as `check` reads them (`checkedFiles`) have every problem the load reports (which `build`
/// and `report` take), and the page itself whenever its body can be found.
@Suite struct CheckedFilesTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("checked-files-\(UUID().uuidString)")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("site.yml"), to: root.appendingPathComponent("site.yml"))
        try write("fr/_index.md", "---\ntitle: \"Accueil\"\ndescription: \"L'accueil.\"\nauteur: \"Marie\"\nmenus: [lateral]\n---\nUn texte\u{0} simple.\n")
        try write("fr/public.md", "---\ntitle: \"Page\"\ndescription: \"Une page.\"\naudiences: [martiens]\n---\n\nAttention : le texte.\n")
        try write("en/_index.md", "---\ntitle: \"Home\"\ndescription: \"The home page.\"\n---\nText.\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("Content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func everyProblemOfLoadIsThereAndTheBodyToo() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = try ConfigurationLoader.load(root: root)
        let loaded = try ContentLoader.load(root: root, configuration: configuration, languages: configuration.languages, keepingErrors: true)
        let files = loaded.checkedFiles
        #expect(files.map(\.path).sorted() == ["Content/en/_index.md", "Content/fr/_index.md", "Content/fr/public.md"])
        for file in files {
            let fromLoad = loaded.diagnostics.filter { $0.location.file == file.path }
            #expect(Set(file.sourceDiagnostics + file.frontMatterDiagnostics) == Set(fromLoad), "\(file.path)")
        }
        let index = try #require(files.first { $0.path == "Content/fr/_index.md" })
        #expect(index.frontMatterDiagnostics.map(\.message).sorted() == ["unknown front matter key 'auteur'", "unknown menu 'lateral'"])
        #expect(index.sourceDiagnostics.map(\.message).first?.hasPrefix("a NUL character") == true)
        let wrong = try #require(files.first { $0.path == "Content/fr/public.md" })
        #expect(wrong.frontMatterHasErrors)
        #expect(wrong.page?.body == "\nAttention : le texte.\n" && wrong.page?.bodyFirstLine == 6 && wrong.page?.frontMatter.title == "Page")
    }
}
