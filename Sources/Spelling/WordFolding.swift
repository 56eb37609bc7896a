import Foundation

/// The key under which the suggestion index files a word: lowercase, without accents, ligatures spelled out
/// (œ → oe), typographic apostrophes straight. French writers drop accents ("evenement") and readers of a
/// report hardly see a case slip: words with the same key are one edit apart at most for the index.
enum WordFolding {
    /// The folded units of one scalar (most scalars fold to one unit; œ, æ, ß to two).
    static func fold(_ scalar: Unicode.Scalar) -> [UInt32] {
        let value = scalar.value
        if value < 0x80 {
            return [(0x41...0x5A).contains(value) ? value + 0x20 : value]
        }
        return table[value] ?? [lowercase(scalar).value]
    }

    static func fold(_ word: String) -> [UInt32] {
        word.unicodeScalars.flatMap(fold)
    }

    /// A stable 64-bit hash of folded units (FNV-1a, then mixed): the same on every run and machine, unlike `Hasher`.
    static func hash(_ units: some Collection<UInt32>) -> UInt64 {
        finished(units.reduce(hashStart, mixing))
    }

    /// The hash in steps, for lookups that hash hundreds of variants of one key (`WordSuggester.edits`):
    /// start, mix each unit in order, finish.
    static let hashStart: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mixing(_ hash: UInt64, _ unit: UInt32) -> UInt64 {
        (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3
    }

    /// splitmix64's finaliser: the index uses the top bits, which FNV spreads poorly on short keys.
    @inline(__always)
    static func finished(_ state: UInt64) -> UInt64 {
        var hash = (state ^ (state >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
    }

    /// Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A and B), typographic apostrophes,
    /// and ligatures, made once from Unicode's decompositions.
    static let table: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        for value in UInt32(0xC0)...0x24F {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            table[value] = [lowercase(base).value]
        }
        for (ligature, letters) in [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss")] {
            table[ligature.unicodeScalars.first!.value] = letters.unicodeScalars.map(\.value)
        }
        for apostrophe in TokenRules.apostrophes { table[apostrophe.value] = [0x27] }
        return table
    }()
}
