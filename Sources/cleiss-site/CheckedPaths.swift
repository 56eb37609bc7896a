import ArgumentParser
import Configuration
import ContentLoading
import Foundation
import Support

/// The PATH arguments of `check`: each must be a page of the site or a folder holding pages, so that
/// a mistyped path is an error instead of "0 pages" and a check that passed without checking anything.
enum CheckedPaths {
    /// The paths to check, from the site root; none (every page) when one of them is the site root itself.
    static func pages(_ paths: [String], root: URL, configuration: SiteConfiguration) throws -> [String] {
        let folders = configuration.languages.map { "\(ContentLoader.contentFolder)/\($0)" }
        let folderList = folders.map { $0 + "/" }.joined(separator: " or ")
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) else {
                throw ValidationError("\(path): no such file or folder; give a page (a .md file) or a folder under \(folderList)")
            }
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            let isInsideLanguage = folders.contains { trimmed == $0 || trimmed.hasPrefix($0 + "/") }
            let isAboveLanguages = isFolder.boolValue && folders.contains { $0.hasPrefix(trimmed + "/") || trimmed.isEmpty }
            guard isInsideLanguage || isAboveLanguages, isFolder.boolValue || trimmed.hasSuffix(".md") else {
                throw ValidationError("\(path) is not a page of the site: pages are .md files under \(folderList)")
            }
            if isFolder.boolValue && isInsideLanguage && !holdsPage(root.appendingPathComponent(path), root: root) {
                throw ValidationError("\(path) holds no page (no .md file): give a page or a folder of pages under \(folderList)")
            }
        }
        return paths.contains { $0.isEmpty || $0 == "/" } ? [] : paths
    }

    /// Whether a folder of a language holds a Markdown file, at any depth (the first one found ends the search).
    /// Listed as the build lists the sources, so that a link out of the site or a loop is never walked.
    static func holdsPage(_ folder: URL, root: URL) -> Bool {
        SourceTree(root: root).files(in: folder, displayPrefix: "").files.contains { $0.hasSuffix(".md") }
    }
}
