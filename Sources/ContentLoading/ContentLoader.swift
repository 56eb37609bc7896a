import Configuration
import Diagnostics
import Foundation
import Support

/// Reads every file of `Content/<lang>/` for the configured languages.
public enum ContentLoader {
    public static let contentFolder = "Content"

    public struct Result: Sendable {
        public var pages: [SourcePage]
        public var resources: [ResourceFile]
        /// Warnings; errors are thrown, or kept here with `keepingErrors`.
        public var diagnostics: [Diagnostic]
        /// Every Markdown file as read, by path, for the next load to reuse.
        public var files: [String: LoadedFile] = [:]
        /// Wall time of parsing the texts read (front matter), the end of the load.
        public var parseSeconds: Double = 0
        /// `Data/countries.yml` read and checked: nil without the file (or with its errors, which are in `diagnostics`).
        public var countries: CountryData?
        /// The problems of the folders' listings (a link that leaves the site, a missing language
        /// folder), each as a file that is no page, then every Markdown file in listing order.
        var listingProblems: [CheckedFile] = []
        var markdownPaths: [String] = []

        /// Every file as `cleiss-site check` reads it: each with its problems, and its page whenever
        /// a body can be found, also under a wrong front matter (see `CheckedFile`). In listing order.
        public var checkedFiles: [CheckedFile] {
            listingProblems + markdownPaths.compactMap { files[$0]?.file }
        }
    }

    /// A Markdown file as one load read it: a later load reuses it while the file's signature is the same.
    public struct LoadedFile: Sendable {
        public var signature: FileSignature
        /// The file with every problem, and what could be read of its page.
        public var file: CheckedFile

        /// The page and its warnings when the file has no error; every problem of the file otherwise.
        public var result: Swift.Result<(SourcePage, [Diagnostic]), DiagnosticsError> { file.asPage }
    }

    /// Reads and parses the pages in parallel. Every error of every file is reported together.
    /// `previous` are the files of an earlier load with the same configuration: those whose size,
    /// times and inode have not changed are not read again (the live preview rebuilds this way).
    public static func load(root: URL, configuration: SiteConfiguration, languages: [String],
                            previous: [String: LoadedFile] = [:], keepingErrors: Bool = false) throws(DiagnosticsError) -> Result {
        var diagnostics: [Diagnostic] = []
        var markdownFiles: [(language: String, relativePath: String)] = []
        var resources: [ResourceFile] = []
        var listingProblems: [CheckedFile] = []
        let tree = SourceTree(root: root)
        for language in languages {
            let folder = root.appendingPathComponent(contentFolder).appendingPathComponent(language)
            if let missing = missingFolder(folder, of: language) {
                diagnostics.append(missing)
                listingProblems.append(CheckedFile(path: missing.location.file, language: language, isPage: false, sourceDiagnostics: [missing]))
                continue
            }
            let listing = tree.files(in: folder, displayPrefix: "\(contentFolder)/\(language)")
            diagnostics += listing.diagnostics
            listingProblems += listing.diagnostics.map { CheckedFile(path: $0.location.file, language: language, isPage: false, sourceDiagnostics: [$0]) }
            for relativePath in listing.files {
                if relativePath.hasSuffix(".md") {
                    markdownFiles.append((language, relativePath))
                } else {
                    resources.append(ResourceFile(language: language, path: "\(contentFolder)/\(language)/\(relativePath)", relativePath: relativePath))
                }
            }
        }
        let audienceIDs = configuration.audiences.map(\.id)
        let rootPath = root.standardizedFileURL.path
        // Every file is read, then every text parsed: two passes, so that `--timings` can tell them apart.
        let texts = markdownFiles.concurrentMap { file -> (path: String, read: FileRead) in
            let path = "\(contentFolder)/\(file.language)/\(file.relativePath)"
            // A string, not URL.appendingPathComponent: this runs for every file of every rebuild.
            let signature = FileSignature(path: rootPath + "/" + path)
            if let signature, let earlier = previous[path], earlier.signature == signature { return (path, .unchanged(earlier)) }
            return (path, .read(signature ?? FileSignature(), Swift.Result { () throws(DiagnosticsError) in
                try readUTF8(path, in: tree)
            }))
        }
        let parsing = Date()
        let loaded = Array(zip(markdownFiles, texts)).concurrentMap { file, text -> (String, LoadedFile) in
            switch text.read {
            case .unchanged(let earlier):
                return (text.path, earlier)
            case .read(let signature, let read):
                return (text.path, LoadedFile(signature: signature, file: checkedFile(read, language: file.language, relativePath: file.relativePath,
                                                                                     audiences: audienceIDs, limits: configuration.limits)))
            }
        }
        let parseSeconds = Date().timeIntervalSince(parsing)
        var pages: [SourcePage] = []
        for result in loaded.map(\.1.result) {
            switch result {
            case .success(let (page, warnings)):
                pages.append(page)
                diagnostics += warnings
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        // The data of the generated country pages: its problems are the site's, like a page's.
        let countries = CountryDataLoader.load(root: root, configuration: configuration)
        diagnostics += countries.diagnostics
        if !countries.diagnostics.isEmpty {
            listingProblems.append(CheckedFile(path: CountryData.file, language: configuration.defaultLanguage, isPage: false, sourceDiagnostics: countries.diagnostics))
        }
        // `keepingErrors`: the pages that loaded go on to the later stages, which report their problems too.
        if diagnostics.hasErrors && !keepingErrors { throw DiagnosticsError(diagnostics) }
        return Result(pages: pages, resources: resources, diagnostics: diagnostics,
                      files: Dictionary(loaded, uniquingKeysWith: { first, _ in first }), parseSeconds: parseSeconds,
                      countries: countries.data, listingProblems: listingProblems, markdownPaths: loaded.map(\.0))
    }

    /// What the first pass of `load` did with a file: kept the earlier load's, or read its text.
    enum FileRead: Sendable {
        case unchanged(LoadedFile)
        case read(FileSignature, Swift.Result<String, DiagnosticsError>)
    }

    /// One Markdown file of `load`'s, `Content/<lang>/…md`, read again as `load` reads it; nil when the
    /// path is not that of a Markdown file of a configured language, or the file cannot be found.
    public static func reload(_ path: String, root: URL, configuration: SiteConfiguration) -> LoadedFile? {
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == contentFolder, configuration.languages.contains(String(parts[1])), path.hasSuffix(".md"),
              let signature = FileSignature(path: root.standardizedFileURL.path + "/" + path) else { return nil }
        let language = String(parts[1]), relativePath = String(parts[2])
        let read = Swift.Result { () throws(DiagnosticsError) in try readUTF8(path, in: SourceTree(root: root)) }
        return LoadedFile(signature: signature, file: checkedFile(read, language: language, relativePath: relativePath,
                                                                 audiences: configuration.audiences.map(\.id), limits: configuration.limits))
    }

    /// A Markdown file's text read as a page, every problem kept; a file that could not be read is a page with its error.
    static func checkedFile(_ read: Swift.Result<String, DiagnosticsError>, language: String, relativePath: String,
                            audiences: [String], limits: InputLimits) -> CheckedFile {
        switch read {
        case .success(let text):
            return CheckedFile.reading(text, language: language, relativePath: relativePath, audiences: audiences, limits: limits)
        case .failure(let error):
            return CheckedFile(path: "\(contentFolder)/\(language)/\(relativePath)", language: language, isPage: true, sourceDiagnostics: error.diagnostics)
        }
    }

    /// The error for a language of site.yml without its folder in Content; nil when the folder is there.
    static func missingFolder(_ folder: URL, of language: String) -> Diagnostic? {
        var isFolder: ObjCBool = false
        guard !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue else { return nil }
        return .error(SourceLocation(file: "\(contentFolder)/\(language)"), "no content folder for language '\(language)'",
                      hint: "create \(contentFolder)/\(language)/ with at least _index.md, or remove '\(language)' from languages in site.yml")
    }

    /// A Markdown file's text as a page: its front matter parsed, its body and kind; the warnings with it, or every problem when one is an error.
    static func parsePage(_ text: String, language: String, relativePath: String, audiences: [String], limits: InputLimits) -> Swift.Result<(SourcePage, [Diagnostic]), DiagnosticsError> {
        CheckedFile.reading(text, language: language, relativePath: relativePath, audiences: audiences, limits: limits).asPage
    }

    /// The text of the file at `displayPath` of the site, with line endings made `\n` and a byte-order
    /// mark removed. Never read through a link that leaves the site (see `SourceTree.read`).
    static func readUTF8(_ displayPath: String, in tree: SourceTree) throws(DiagnosticsError) -> String {
        let data = try tree.read(displayPath)
        guard var text = String(validatingUTF8Data: data) else {
            let line = firstInvalidUTF8Line(in: data)
            throw DiagnosticsError(.error(SourceLocation(file: displayPath, line: line), "the file is not valid UTF-8",
                                          hint: "save it with the UTF-8 encoding (your editor's 'Save with encoding' menu)"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.containsByte(UInt8(ascii: "\r")) { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        return text
    }

    /// The line holding the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8Line(in data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(validatingUTF8Data: data[lineStart...index]) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}

extension String {
    /// Strict UTF-8 decoding: nil instead of replacement characters.
    init?<Bytes: Collection>(validatingUTF8Data data: Bytes) where Bytes.Element == UInt8 {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
