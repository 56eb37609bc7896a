import Foundation

/// Where the suggestion indexes are kept between runs, and how one is found, checked, built and saved.
///
/// - Folder: `$CLEISS_SITE_CACHE_DIR` if set, else `$XDG_CACHE_HOME/cleiss-site`, else `~/.cache/cleiss-site`.
/// - Name: the dictionary's name, a hash of its path, and a hash of its .aff and .dic contents and of the
///   format version, so an updated dictionary (or a new format) gets a new index, whatever the files' dates say.
/// - Read: mapped, then checked (length, checksum, key); a bad file is rebuilt and replaced, never trusted.
/// - Written: to a temporary file in the same folder, then renamed over the final name. Two processes
///   building at once each write their own temporary file; the last rename wins, and both files are whole.
///   The index of an older version of the dictionary (same path, other contents) is removed then.
/// - A folder that cannot be written: the index is built in memory for this run, and a note says so.
public struct SuggestionIndexStore: Sendable {
    public let folder: URL?

    public init(folder: URL?) {
        self.folder = folder
    }

    /// The default folder, from the environment.
    public static var standard: SuggestionIndexStore {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["CLEISS_SITE_CACHE_DIR"], !chosen.isEmpty {
            return SuggestionIndexStore(folder: URL(fileURLWithPath: chosen, isDirectory: true))
        }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return SuggestionIndexStore(folder: URL(fileURLWithPath: cache, isDirectory: true).appendingPathComponent("cleiss-site"))
        }
        if let home = environment["HOME"], !home.isEmpty {
            return SuggestionIndexStore(folder: URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/cleiss-site"))
        }
        return SuggestionIndexStore(folder: nil)
    }

    /// What happened when an index was asked for: for the tests and for a note to the user.
    public enum Outcome: Sendable, Equatable {
        case read
        case built(replacing: String?)
        case builtInMemory(reason: String)
    }

    /// The index of the dictionary made of these two files.
    func index(affixPath: String, dictionaryPath: String) throws -> (SuggestionIndex, Outcome) {
        let affix = try Data(contentsOf: URL(fileURLWithPath: affixPath))
        let dictionary = try Data(contentsOf: URL(fileURLWithPath: dictionaryPath))
        let key = Self.key(affix: affix, dictionary: dictionary)
        // The dictionary's name and a hash of its path: the index of a dictionary updated in place replaces
        // the old one, while a dictionary of the same name in another folder has its own.
        let pathHash = WordFolding.hash(URL(fileURLWithPath: dictionaryPath).standardizedFileURL.path.unicodeScalars.map(\.value)) >> 40
        let name = URL(fileURLWithPath: dictionaryPath).deletingPathExtension().lastPathComponent + "-" + String(pathHash, radix: 16)
        let build = { () -> Data in
            let expander = WordFormExpander(affixText: Self.text(affix))
            var words: [String] = []
            expander.forms(dictionaryText: Self.text(dictionary)) { words.append($0) }
            return SuggestionIndex.build(words: words, sourceKey: key)
        }
        guard let folder else {
            return (try SuggestionIndex(data: build(), sourceKey: key), .builtInMemory(reason: "no cache folder (neither HOME nor XDG_CACHE_HOME is set)"))
        }
        let file = folder.appendingPathComponent("\(name)-\(String(key, radix: 16)).suggest")
        var replacing: String?
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                let index = try SuggestionIndex(data: try Data(contentsOf: file, options: .alwaysMapped), sourceKey: key)
                Self.markUsed(file)
                return (index, .read)
            } catch {
                replacing = "\(error)"
            }
        }
        let data = build()
        let index = try SuggestionIndex(data: data, sourceKey: key)
        do {
            try save(data, to: file)
            removeLeftovers(besides: file, name: name)
            return (index, .built(replacing: replacing))
        } catch {
            return (index, .builtInMemory(reason: "\(folder.path) cannot be written (\(Self.reason(error)))"))
        }
    }

    func save(_ data: Data, to file: URL) throws {
        try Self.makeFolder(file.deletingLastPathComponent().path)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Other indexes of this dictionary (made from its files before they were updated), indexes unused for
    /// 30 days (of dictionaries since removed, or of the tests' temporary ones), and temporary files a build
    /// killed halfway left over an hour ago. A process still reading a removed index keeps its mapping.
    func removeLeftovers(besides file: URL, name: String) {
        let folder = file.deletingLastPathComponent()
        let files = FileManager.default
        for entry in (try? files.contentsOfDirectory(atPath: folder.path)) ?? [] where entry != file.lastPathComponent {
            let path = folder.appendingPathComponent(entry).path
            let age = (try? files.attributesOfItem(atPath: path)[.modificationDate] as? Date).map { -$0.timeIntervalSinceNow } ?? 0
            let outdated = entry.hasSuffix(".suggest") && (entry.hasPrefix("\(name)-") || age > 30 * 86_400)
            let abandoned = entry.hasPrefix(".") && entry.hasSuffix(".tmp") && age > 3600
            if outdated || abandoned { try? files.removeItem(atPath: path) }
        }
    }

    /// Dates an index read today, at most once a day: its date tells how long it has gone unused.
    static func markUsed(_ file: URL) {
        var status = stat()
        guard stat(file.path, &status) == 0, Double(status.st_mtim.tv_sec) < Date().timeIntervalSince1970 - 86_400 else { return }
        utimes(file.path, nil)
    }

    /// `mkdir -p`, with the system's error (Foundation's says only "error 512" on Linux).
    static func makeFolder(_ path: String) throws {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            var status = stat()
            if stat(partial, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR { continue }
            if mkdir(partial, 0o755) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// The system's words for why a file could not be written ("Not a directory", "Permission denied").
    static func reason(_ error: Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return error.localizedDescription
    }

    /// The hash of both files and of the format version: FNV-1a over 8-byte words (a millisecond for the
    /// French files), then the last bytes one by one.
    static func key(affix: Data, dictionary: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(SuggestionIndex.formatVersion)
        for part in [affix, dictionary] {
            hash = (hash ^ UInt64(part.count)) &* 0x0000_0100_0000_01B3
            part.withUnsafeBytes { raw in
                let whole = raw.count / 8 * 8
                hash = (hash ^ SuggestionIndex.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<whole]), from: 0)) &* 0x0000_0100_0000_01B3
                for byte in raw[whole...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
        }
        return hash
    }

    /// The dictionary's text; hunspell reads the files as bytes in their SET encoding, UTF-8 for the
    /// dictionaries installed here. Another encoding is read as ISO 8859-1, each byte a character.
    static func text(_ data: Data) -> String {
        String(validating: data, as: UTF8.self) ?? String(decoding: data.map { UInt16($0) }, as: UTF16.self)
    }
}
