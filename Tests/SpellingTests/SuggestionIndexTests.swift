import Dispatch
import Foundation
import Testing
@testable import Spelling

/// The word index behind the suggestions: the forms written out from a dictionary, and its cache on disk.
@Suite("Suggestion index")
struct SuggestionIndexTests {
    /// A small dictionary with two-character flags (as the French one), a suffix and an elision prefix.
    static let affix = "SET UTF-8\nFLAG long\nNEEDAFFIX ()\nSFX S. Y 1\nSFX S. 0 s .\nSFX Ve Y 2\nSFX Ve er e er\nSFX Ve er ons er\nPFX L' Y 1\nPFX L' 0 l' .\n"
    static let dictionary = "5\nmaison/S.L'\nécole/S.L'\ntravail\nappeler/Ve()\nrapport/S. po:nom\n"

    static func writeDictionary(in folder: URL, stems: String = dictionary) throws -> (affix: String, dictionary: String) {
        let affix = folder.appendingPathComponent("xx.aff"), dictionary = folder.appendingPathComponent("xx.dic")
        try Data(Self.affix.utf8).write(to: affix)
        try Data(stems.utf8).write(to: dictionary)
        return (affix.path, dictionary.path)
    }

    @Test func formsAreWrittenOutWithoutElisionsNorStemsThatNeedAnAffix() {
        var forms: [String] = []
        WordFormExpander(affixText: Self.affix).forms(dictionaryText: Self.dictionary) { forms.append($0) }
        #expect(Set(forms) == ["maison", "maisons", "école", "écoles", "travail", "appele", "appelons", "rapport", "rapports"])
    }

    /// hunspell accepts every form written out from the installed dictionaries (French: one in five, for time).
    @Test(arguments: [("en_US", 1), ("en_GB", 2), ("fr", 5)])
    func everyFormOfTheRealDictionariesIsAWordForHunspell(name: String, step: Int) throws {
        let folder = "/usr/share/hunspell"
        let hunspell = try HunspellDictionary(affixPath: "\(folder)/\(name).aff", dictionaryPath: "\(folder)/\(name).dic", addedWords: [])
        let expander = WordFormExpander(affixText: try String(contentsOfFile: "\(folder)/\(name).aff", encoding: .utf8))
        var forms = Set<String>()
        expander.forms(dictionaryText: try String(contentsOfFile: "\(folder)/\(name).dic", encoding: .utf8)) { forms.insert($0) }
        #expect(forms.count > 100_000)
        let sample = forms.sorted().enumerated().filter { $0.offset % step == 0 }.map(\.element)
        let refused = sample.filter { !hunspell.spell($0) }
        #expect(refused.isEmpty, "\(refused.prefix(20))")
        for word in name == "fr" ? ["événements", "appellerons", "aujourd'hui", "peut-être", "cotisations"] : ["unhappiness", "reorganized", "receive"] {
            #expect(forms.contains(word), "\(word)")
        }
    }

    @Test func theIndexIsBuiltOnceThenRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeDictionary(in: folder)
        let store = SuggestionIndexStore(folder: folder.appendingPathComponent("cache"))
        let (index, first) = try store.index(affixPath: files.affix, dictionaryPath: files.dictionary)
        #expect(first == .built(replacing: nil))
        #expect(index.header.wordCount == 9)
        #expect(try store.index(affixPath: files.affix, dictionaryPath: files.dictionary).1 == .read)
        let suggester = WordSuggester(indexes: [index], siteWords: [])
        #expect(suggester.suggestions(for: "ecoles", limit: 3) { _ in true } == ["écoles", "école"])
        #expect(suggester.suggestions(for: "apeler", limit: 1) { _ in true } == ["appele"])
        // The dictionary updated (one more stem): another key, another file, which replaces the first one;
        // a temporary file left by a build killed two hours ago goes too, one of a build under way stays.
        let cache = try #require(store.folder)
        let abandoned = cache.appendingPathComponent(".xx-0-0.suggest.1.abandoned.tmp"), underWay = cache.appendingPathComponent(".xx-0-0.suggest.2.under-way.tmp")
        for temporary in [abandoned, underWay] { try Data("partial".utf8).write(to: temporary) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: abandoned.path)
        let old = try #require(try indexFiles(in: store).first)
        let changed = try Self.writeDictionary(in: folder, stems: Self.dictionary + "jardin\n")
        #expect(try store.index(affixPath: changed.affix, dictionaryPath: changed.dictionary).1 == .built(replacing: nil))
        #expect(try indexFiles(in: store).map(\.lastPathComponent) != [old.lastPathComponent])
        #expect(try indexFiles(in: store).count == 1)
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: underWay.path))
        // An index unused for 31 days goes too; one read is dated anew (once a day at most).
        let current = try #require(try indexFiles(in: store).first)
        let forgotten = cache.appendingPathComponent("yy-0-0.suggest")
        try Data("old".utf8).write(to: forgotten)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -31 * 86_400)], ofItemAtPath: forgotten.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)], ofItemAtPath: current.path)
        #expect(try store.index(affixPath: changed.affix, dictionaryPath: changed.dictionary).1 == .read)
        let dated = try #require(try FileManager.default.attributesOfItem(atPath: current.path)[.modificationDate] as? Date)
        #expect(dated > Date(timeIntervalSinceNow: -3600))
        // A dictionary of the same name in another folder has an index of its own, beside.
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let other = try Self.writeDictionary(in: elsewhere)
        #expect(try store.index(affixPath: other.affix, dictionaryPath: other.dictionary).1 == .built(replacing: nil))
        #expect(!FileManager.default.fileExists(atPath: forgotten.path))
        #expect(try indexFiles(in: store).count == 2)
        // A nine-word index is small: its directory grows with the dictionary.
        #expect(try FileManager.default.attributesOfItem(atPath: current.path)[.size] as? Int ?? 0 < 1000)
    }

    /// A truncated, damaged or foreign file is rebuilt and replaced, never trusted.
    @Test(arguments: ["truncated", "flipped byte", "garbage", "empty", "other format"])
    func aBadCacheFileIsRebuilt(damage: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeDictionary(in: folder)
        let store = SuggestionIndexStore(folder: folder.appendingPathComponent("cache"))
        _ = try store.index(affixPath: files.affix, dictionaryPath: files.dictionary)
        let file = try #require(try indexFiles(in: store).first)
        let good = try Data(contentsOf: file)
        var bad = good
        switch damage {
        case "truncated": bad = good.prefix(good.count / 2)
        case "flipped byte": bad[good.count - 20] ^= 0x40
        case "garbage": bad = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        case "empty": bad = Data()
        default: bad[8] = 99 // the format version
        }
        try bad.write(to: file)
        let (index, outcome) = try store.index(affixPath: files.affix, dictionaryPath: files.dictionary)
        guard case .built(let replacing) = outcome else { Issue.record("\(outcome)"); return }
        #expect(replacing != nil)
        #expect(index.header.wordCount == 9)
        #expect(try Data(contentsOf: file) == good)
    }

    @Test func aFolderThatCannotBeWrittenGivesAnIndexInMemory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeDictionary(in: folder)
        // A regular file where the cache folder should be: no folder can be made there, even by root.
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("file"))
        let store = SuggestionIndexStore(folder: folder.appendingPathComponent("file/cache"))
        let (index, outcome) = try store.index(affixPath: files.affix, dictionaryPath: files.dictionary)
        guard case .builtInMemory = outcome else { Issue.record("\(outcome)"); return }
        #expect(index.header.wordCount == 9)
    }

    /// Several processes (threads here) building the same index at once: each gets a whole index, and
    /// the file left behind is whole, with no temporary file beside it.
    @Test func buildsAtTheSameTimeLeaveOneWholeFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeDictionary(in: folder)
        let cache = folder.appendingPathComponent("cache")
        let counts = Counts()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let result = try? SuggestionIndexStore(folder: cache).index(affixPath: files.affix, dictionaryPath: files.dictionary)
            counts.add(result?.0.header.wordCount ?? -1)
        }
        #expect(counts.values == Array(repeating: 9, count: 8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 1)
        #expect(try SuggestionIndexStore(folder: cache).index(affixPath: files.affix, dictionaryPath: files.dictionary).1 == .read)
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []
        func add(_ value: Int) { lock.withLock { list.append(value) } }
        var values: [Int] { lock.withLock { list } }
    }

    func indexFiles(in store: SuggestionIndexStore) throws -> [URL] {
        let folder = try #require(store.folder)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "suggest" }
    }
}
