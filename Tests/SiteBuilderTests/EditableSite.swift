import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A site in a temporary folder that the randomised test edits the way a person does under
/// `serve`: every file it writes, moves or deletes is recorded with its earlier bytes, so that the
/// paths can be reported as the live preview's watcher reports them and a step can be undone.
final class EditableSite {
    let root: URL
    /// The paths touched since `beginStep`, in order: files, and folders made or removed.
    private(set) var touched: [String] = []
    /// The bytes each file touched since `beginStep` had before it (nil: it was not there).
    private var earlier: [String: Data?] = [:]
    fileprivate var madeFolders: [String] = []
    /// A counter for new names and texts, so that each is unique in the site.
    private var counter = 0

    init(root: URL) {
        self.root = root
    }

    var output: URL { root.appendingPathComponent("Site") }
    var cleanOutput: URL { root.appendingPathComponent("Clean") }

    func nextNumber() -> Int {
        counter += 1
        return counter
    }

    // MARK: Reading

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under `folder` (from the site root), sorted.
    func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let all = FileManager.default.subpaths(atPath: base.path) ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.map { folder + "/" + $0 }.sorted()
    }

    /// The Markdown pages of a language, sorted.
    func pages(_ language: String) -> [String] {
        files(under: "Content/" + language).filter { $0.hasSuffix(".md") }
    }

    // MARK: Changing, recorded

    /// Starts a new record of touched paths; what `undo` puts back starts here too.
    func beginStep() {
        touched = []
    }

    /// Forgets the earlier bytes: the site as it is now is the one `undo` returns to.
    func markGood() {
        earlier = [:]
        madeFolders = []
    }

    /// Writes a file, in place or as editors that save safely do: into a temporary file beside
    /// it, renamed over it (a new inode; the watcher sees the temporary name come and go).
    func write(_ path: String, _ text: String, atomically: Bool = false) throws {
        let url = root.appendingPathComponent(path)
        remember(path)
        try makeFolders(for: path)
        if atomically {
            let temporary = path + ".tmp\(nextNumber())"
            try Data(text.utf8).write(to: root.appendingPathComponent(temporary))
            note(temporary)
            guard rename(root.appendingPathComponent(temporary).path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } else {
            try Data(text.utf8).write(to: url)
        }
        note(path)
    }

    func remove(_ path: String) throws {
        remember(path)
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
        note(path)
    }

    func move(_ path: String, to destination: String) throws {
        remember(path)
        remember(destination)
        try makeFolders(for: destination)
        try FileManager.default.moveItem(at: root.appendingPathComponent(path), to: root.appendingPathComponent(destination))
        note(path)
        note(destination)
    }

    /// Gives a file a new modification time and the same bytes (a save without a change).
    func touch(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: root.appendingPathComponent(path).path)
        note(path)
    }

    /// Puts back every file changed since `markGood`, and removes the folders made since.
    func undo() throws {
        for (path, data) in earlier.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            if let data {
                try makeFolders(for: path)
                try data.write(to: url)
            } else if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
            note(path)
        }
        for folder in madeFolders.reversed() where (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))?.isEmpty == true {
            try FileManager.default.removeItem(at: root.appendingPathComponent(folder))
            note(folder)
        }
        markGood()
    }

    fileprivate func remember(_ path: String) {
        if earlier.keys.contains(path) { return }
        earlier[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    fileprivate func note(_ path: String) {
        if !touched.contains(path) { touched.append(path) }
    }

    /// Makes the folders a file needs; each one made is a change the watcher reports.
    private func makeFolders(for path: String) throws {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += (folder.isEmpty ? "" : "/") + component
            if !exists(folder) {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: false)
                madeFolders.append(folder)
                note(folder)
            }
        }
    }

    // MARK: Outputs

    /// Every file and folder of an output folder; a file with its bytes, a folder with nil.
    func tree(_ folder: URL) -> [String: Data?] {
        var entries: [String: Data?] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else { continue }
            entries[path] = isFolder.boolValue ? Data?.none : FileManager.default.contents(atPath: full)
        }
        return entries
    }

    func removeFolder() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Pages of the site as the edits see them.
extension EditableSite {
    /// The pages of the languages whose front matter the test can read (not one broken on purpose).
    func parsedPages(_ language: String? = nil) -> [String] {
        (language.map { [$0] } ?? ["fr", "en"]).flatMap(pages).filter { page($0) != nil }
    }

    func page(_ path: String) -> PageText? {
        text(path).flatMap(PageText.init)
    }

    /// Changes a page; with `ifChanged`, a page the change leaves as it was is not written.
    func editPage(_ path: String, atomically: Bool = false, ifChanged: Bool = false, _ change: (inout PageText) -> Void) throws {
        guard var page = page(path) else { return }
        let before = page.text
        change(&page)
        if ifChanged && page.text == before { return }
        try write(path, page.text, atomically: atomically)
    }

    /// After a page or a folder moved from `old` to `new`: the links of every page of its language
    /// that led into it lead to the new place, and the moved pages' links are relative to where they are now.
    func retargetLinks(from old: String, to new: String, language: String) throws {
        for path in pages(language) {
            try editPage(path, ifChanged: true) { page in
                page.body = PageLinks.retarget(page.body, of: PageLinks.moved(path, from: new, to: old), now: path) { PageLinks.moved($0, from: old, to: new) }
            }
        }
    }

    /// Renames a folder in one move, as a file manager does; the watcher sees both folders and the files of the new one.
    func moveFolder(_ folder: String, to destination: String) throws {
        let moved = files(under: folder)
        for file in moved {
            remember(file)
            remember(destination + file.dropFirst(folder.count))
        }
        guard rename(root.appendingPathComponent(folder).path, root.appendingPathComponent(destination).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        madeFolders.append(destination)
        note(folder)
        note(destination)
        for file in moved { note(destination + file.dropFirst(folder.count)) }
    }
}
