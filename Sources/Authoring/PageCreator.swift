import Configuration
import ContentLoading
import Diagnostics
import Foundation

/// `cleiss-site new`: a page under Content/ with its whole front matter, in its section, or in new
/// sections each with its `_index.md`. It writes only new files, never through a link, and never
/// over an existing file.
public enum PageCreator {
    public struct Request: Sendable {
        public var path: String
        public var title: String?
        public var audiences: [String]
        public var translationKey: String?
        /// The day written as `date` and `lastmod`.
        public var date: String
        public init(path: String, title: String?, audiences: [String], translationKey: String?, date: String) {
            self.path = path
            self.title = title
            self.audiences = audiences
            self.translationKey = translationKey
            self.date = date
        }
    }

    /// What was written, relative to the site root, the page last.
    public struct Created: Sendable {
        public var files: [String]
        public var page: String { files.last! }
    }

    public static func create(_ request: Request, root: URL, configuration: SiteConfiguration) throws(DiagnosticsError) -> Created {
        let path = try ContentPath.parse(request.path, languages: configuration.languages)
        try checkAudiences(request.audiences, configuration: configuration, at: SourceLocation(file: request.path))
        let missingFrom = try firstMissingFolder(path, root: root)
        let key = request.translationKey ?? (path.isSectionPage ? path.folders.last! : path.name)
        let archetype = try Archetype.find(root: root, theme: configuration.theme, section: path.folders.first, audiences: request.audiences)
        let page = try archetype.expand(values(title: request.title ?? title(fromSlug: key), language: path.language,
                                               audiences: request.audiences, translationKey: key, date: request.date))
        try checkFrontMatter(page, of: path.relativePath, from: archetype, configuration: configuration)

        var written: [String] = []
        do {
            for depth in missingFrom..<(path.folders.count + 1) where depth > 0 {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(path.folderPath(depth)), withIntermediateDirectories: false)
                if depth == path.folders.count && path.isSectionPage { continue }
                let folder = path.folders[depth - 1]
                let index = path.folderPath(depth) + "/_index.md"
                try write(Archetype(text: Archetype.builtIn, file: nil).expand(values(title: title(fromSlug: folder), language: path.language,
                                                                                       audiences: [], translationKey: folder, date: request.date)),
                          to: index, root: root)
                written.append(index)
            }
            try write(page, to: path.relativePath, root: root)
            written.append(path.relativePath)
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: path.relativePath), "could not write the page: \(error.localizedDescription)",
                                          hint: written.isEmpty ? "check the folder's permissions" : "these were written before: \(written.joined(separator: ", "))"))
        }
        return Created(files: written)
    }

    /// The values of an archetype. Texts are written as YAML double-quoted strings.
    static func values(title: String, language: String, audiences: [String], translationKey: String, date: String) -> [String: String] {
        ["title": quoted(title), "description": quoted(DescriptionPlaceholder.text(for: language)), "date": date,
         "translationKey": translationKey, "audiences": "[" + audiences.joined(separator: ", ") + "]", "lang": language]
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `travailler-a-l-etranger` → `Travailler a l etranger`: a start the editor is told to check.
    public static func title(fromSlug slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func checkAudiences(_ audiences: [String], configuration: SiteConfiguration, at location: SourceLocation) throws(DiagnosticsError) {
        let known = configuration.audiences.map(\.id)
        let problems = audiences.filter { !known.contains($0) }.map { id in
            Diagnostic.error(location, "unknown audience '\(id)'", hint: Suggestions.hint(for: id, among: known))
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// The depth of the first folder to create (`folders.count + 1` when all exist). Every folder that
    /// exists must be a real folder: a link could lead the new files out of the site.
    static func firstMissingFolder(_ path: ContentPath, root: URL) throws(DiagnosticsError) -> Int {
        let manager = FileManager.default
        for depth in -1...path.folders.count {
            let relative = depth < 0 ? ContentLoader.contentFolder : path.folderPath(depth)
            guard let attributes = try? manager.attributesOfItem(atPath: root.appendingPathComponent(relative).path) else {
                if depth <= 0 {
                    throw DiagnosticsError(.error(SourceLocation(file: relative), "there is no folder \(relative)",
                                                  hint: "run the command from the site's root, or give it with --source DIR"))
                }
                return depth
            }
            guard attributes[.type] as? FileAttributeType == .typeDirectory else {
                throw DiagnosticsError(.error(SourceLocation(file: relative), "\(relative) is not a folder (a file or a link)",
                                              hint: "new pages are only written into real folders of Content/"))
            }
        }
        if (try? manager.attributesOfItem(atPath: root.appendingPathComponent(path.relativePath).path)) != nil {
            throw DiagnosticsError(.error(SourceLocation(file: path.relativePath), "\(path.relativePath) already exists",
                                          hint: "edit it, or choose another name: `new` never replaces a file"))
        }
        return path.folders.count + 1
    }

    /// The page must read as the build will read it: a mistake in an archetype is reported, not written.
    static func checkFrontMatter(_ text: String, of file: String, from archetype: Archetype, configuration: SiteConfiguration) throws(DiagnosticsError) {
        let reading = FrontMatterParser.read(text, file: archetype.file ?? file, audiences: configuration.audiences.map(\.id))
        let errors = reading.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
    }

    /// Writes a new file; fails when anything, even a dangling link, is already there.
    static func write(_ text: String, to relative: String, root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative), options: .withoutOverwriting)
    }
}
