import Foundation

/// Every word form of a dictionary, filed by folded key (`WordFolding`), in one flat block of bytes that is
/// written once to the cache and mapped from it on later runs, without parsing.
///
/// Layout (little-endian, every section 8-byte aligned):
/// - header: magic, format version, source key (the dictionary files' hash), checksum of what follows,
///   counts and the total length;
/// - directory: for each value of a key hash's top `directoryBits` bits, the first group at or after it;
/// - group hashes (sorted) and, per group, its first word; per word, its first byte; the UTF-8 words;
/// - the alphabet: the folded units that the edits of a lookup try, most frequent first.
/// Words with the same folded key form a group; the group is found by the key's 64-bit hash (two keys
/// with the same hash share a group: harmless, every candidate is measured against the written word).
struct SuggestionIndex: @unchecked Sendable {
    static let magic: UInt64 = 0x3158_4449_4755_5343 // "CSUGIDX1"
    /// Raised whenever the layout or what goes into it changes: an older cache is then rebuilt.
    static let formatVersion: UInt32 = 3
    static let headerSize = 64
    /// About one group per directory entry, 2^18 at most (1 MB): a small dictionary gets a small file.
    static func directoryBits(groupCount: Int) -> Int {
        let needed = groupCount <= 1 ? 0 : Int.bitWidth - (groupCount - 1).leadingZeroBitCount
        return min(18, max(4, needed))
    }

    struct Header {
        var sourceKey: UInt64
        var checksum: UInt64
        var groupCount: Int
        var wordCount: Int
        var byteCount: Int
        var alphabetCount: Int
        var totalLength: Int
    }

    /// Where each section starts, from the counts.
    struct Sections {
        var directoryBits: Int
        var directory: Int, hashes: Int, groupStarts: Int, wordStarts: Int, alphabet: Int, bytes: Int, end: Int

        init(groupCount: Int, wordCount: Int, byteCount: Int, alphabetCount: Int) {
            func aligned(_ offset: Int) -> Int { (offset + 7) & ~7 }
            directoryBits = SuggestionIndex.directoryBits(groupCount: groupCount)
            directory = SuggestionIndex.headerSize
            hashes = aligned(directory + 4 * ((1 << directoryBits) + 1))
            groupStarts = aligned(hashes + 8 * groupCount)
            wordStarts = aligned(groupStarts + 4 * (groupCount + 1))
            alphabet = aligned(wordStarts + 4 * (wordCount + 1))
            bytes = aligned(alphabet + 4 * alphabetCount)
            end = aligned(bytes + byteCount)
        }
    }

    let data: Data
    let header: Header
    let sections: Sections
    /// Decoded once: small (a few dozen units).
    let alphabet: [UInt32]

    // MARK: - Building

    /// The index of `words` (any order, duplicates allowed) for a dictionary whose files hash to `sourceKey`.
    static func build(words: some Sequence<String>, sourceKey: UInt64) -> Data {
        var entries: [(hash: UInt64, word: String)] = []
        var unitCounts: [UInt32: Int] = [:]
        for word in Set(words) {
            let folded = WordFolding.fold(word)
            for unit in folded { unitCounts[unit, default: 0] += 1 }
            entries.append((WordFolding.hash(folded), word))
        }
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : Array($0.word.utf8).lexicographicallyPrecedes($1.word.utf8) }
        // Letters, apostrophe and hyphen seen in at least 20 words of a real dictionary (any, in a small one):
        // digits and rare symbols would only slow lookups down.
        let least = entries.count >= 20_000 ? 20 : 1
        let alphabet = unitCounts.filter { unit, count in
            count >= least && (unit == 0x27 || unit == 0x2D || Unicode.Scalar(unit).map { $0.properties.isAlphabetic } == true)
        }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)

        var hashes: [UInt64] = []
        var groupStarts: [UInt32] = []
        var wordStarts: [UInt32] = []
        var bytes: [UInt8] = []
        for (index, entry) in entries.enumerated() {
            if hashes.last != entry.hash {
                hashes.append(entry.hash)
                groupStarts.append(UInt32(index))
            }
            wordStarts.append(UInt32(bytes.count))
            bytes += entry.word.utf8
        }
        groupStarts.append(UInt32(entries.count))
        wordStarts.append(UInt32(bytes.count))
        let directoryBits = Self.directoryBits(groupCount: hashes.count)
        var directory = [UInt32](repeating: 0, count: (1 << directoryBits) + 1)
        var group = 0
        for bucket in 0...(1 << directoryBits) {
            while group < hashes.count && Int(hashes[group] >> UInt64(64 - directoryBits)) < bucket { group += 1 }
            directory[bucket] = UInt32(group)
        }

        let sections = Sections(groupCount: hashes.count, wordCount: entries.count, byteCount: bytes.count, alphabetCount: alphabet.count)
        var data = Data(count: sections.end)
        data.withUnsafeMutableBytes { raw in
            func write<T: FixedWidthInteger>(_ values: [T], at offset: Int) {
                for (index, value) in values.enumerated() { raw.storeBytes(of: value.littleEndian, toByteOffset: offset + index * MemoryLayout<T>.size, as: T.self) }
            }
            write(directory, at: sections.directory)
            write(hashes, at: sections.hashes)
            write(groupStarts, at: sections.groupStarts)
            write(wordStarts, at: sections.wordStarts)
            write(alphabet, at: sections.alphabet)
            write(bytes, at: sections.bytes)
            let checksum = Self.checksum(UnsafeRawBufferPointer(raw), from: headerSize)
            write([magic, UInt64(formatVersion), sourceKey, checksum], at: 0)
            write([UInt64(hashes.count), UInt64(entries.count), UInt64(bytes.count), UInt64(alphabet.count)], at: 32)
        }
        return data
    }

    /// FNV-1a over 8-byte words (the sections are padded to 8 bytes), in four interleaved lanes so that the
    /// processor runs their multiplications side by side: about a millisecond for the French index.
    static func checksum(_ raw: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 1, 2, 3)
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = start
        while offset + 32 <= raw.count {
            lanes.0 = (lanes.0 ^ word(offset)) &* prime
            lanes.1 = (lanes.1 ^ word(offset + 8)) &* prime
            lanes.2 = (lanes.2 ^ word(offset + 16)) &* prime
            lanes.3 = (lanes.3 ^ word(offset + 24)) &* prime
            offset += 32
        }
        while offset + 8 <= raw.count {
            lanes.0 = (lanes.0 ^ word(offset)) &* prime
            offset += 8
        }
        return [lanes.1, lanes.2, lanes.3].reduce(lanes.0) { ($0 ^ $1) &* prime }
    }

    // MARK: - Reading

    enum Invalid: Error, CustomStringConvertible {
        case reason(String)
        var description: String { if case .reason(let text) = self { return text } else { return "" } }
    }

    /// Checks the bytes before trusting them: a truncated, foreign, outdated or damaged file throws.
    init(data: Data, sourceKey: UInt64) throws {
        guard data.count >= Self.headerSize else { throw Invalid.reason("shorter than its header") }
        let fields: [UInt64] = data.withUnsafeBytes { raw in (0..<8).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) } }
        guard fields[0] == Self.magic else { throw Invalid.reason("not a suggestion index") }
        guard fields[1] == UInt64(Self.formatVersion) else { throw Invalid.reason("format \(fields[1]), expected \(Self.formatVersion)") }
        guard fields[2] == sourceKey else { throw Invalid.reason("made from other dictionary files") }
        guard fields[4...7].allSatisfy({ $0 < UInt64(UInt32.max) }) else { throw Invalid.reason("impossible counts") }
        let sections = Sections(groupCount: Int(fields[4]), wordCount: Int(fields[5]), byteCount: Int(fields[6]), alphabetCount: Int(fields[7]))
        guard data.count == sections.end else { throw Invalid.reason("\(data.count) bytes where \(sections.end) were written") }
        let checksum = data.withUnsafeBytes { Self.checksum($0, from: Self.headerSize) }
        guard checksum == fields[3] else { throw Invalid.reason("damaged (checksum)") }
        self.data = data
        self.sections = sections
        header = Header(sourceKey: sourceKey, checksum: checksum, groupCount: Int(fields[4]), wordCount: Int(fields[5]),
                        byteCount: Int(fields[6]), alphabetCount: Int(fields[7]), totalLength: data.count)
        alphabet = data.withUnsafeBytes { raw in
            (0..<Int(fields[7])).map {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: sections.alphabet + 4 * $0, as: UInt32.self))
            }
        }
    }

    /// Reads the index through `body`, which gets a `Reader` valid only inside it.
    func withReader<T>(_ body: (Reader) -> T) -> T {
        data.withUnsafeBytes { body(Reader(raw: $0, sections: sections, header: header)) }
    }

    struct Reader {
        let raw: UnsafeRawBufferPointer
        let sections: Sections
        let header: Header

        func uint32(_ section: Int, _ index: Int) -> Int {
            Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: section + 4 * index, as: UInt32.self)))
        }

        func hash(ofGroup group: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: sections.hashes + 8 * group, as: UInt64.self))
        }

        /// The group of a folded key's hash, nil when no word has that key.
        func group(of hash: UInt64) -> Int? {
            let bucket = Int(hash >> UInt64(64 - sections.directoryBits))
            // The counts were checked against the file's length, but not each offset: clamp, never trap.
            var group = min(uint32(sections.directory, bucket), header.groupCount)
            let end = min(uint32(sections.directory, bucket + 1), header.groupCount)
            while group < end {
                let value = self.hash(ofGroup: group)
                if value == hash { return group }
                if value > hash { return nil }
                group += 1
            }
            return nil
        }

        /// The words of a group.
        func words(in group: Int) -> [String] {
            let first = min(uint32(sections.groupStarts, group), header.wordCount)
            let end = min(max(uint32(sections.groupStarts, group + 1), first), header.wordCount)
            return (first..<end).map(word)
        }

        func word(_ index: Int) -> String {
            let start = min(uint32(sections.wordStarts, index), header.byteCount)
            let end = min(max(uint32(sections.wordStarts, index + 1), start), header.byteCount)
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[(sections.bytes + start)..<(sections.bytes + end)]), as: UTF8.self)
        }
    }
}
