/// The character classes the charter asks of every character of a page, looked up in a table for the
/// first 2,048 code points (Latin, Greek, Cyrillic…: nearly all the text of a French or English site).
///
/// Why a table: `Unicode.Scalar.Properties` goes through the standard library's binary search of the
/// Unicode data on every call, and the checker asks several questions of each of millions of characters.
/// The table is filled once from the very functions it replaces (`reference…` below), so that a table
/// answer never differs from the direct one; code points past the table get the direct answer.
enum ScalarTraits {
    static let space: UInt8 = 1 << 0
    static let letter: UInt8 = 1 << 1
    static let digit: UInt8 = 1 << 2
    static let uppercase: UInt8 = 1 << 3
    static let alphabetic: UInt8 = 1 << 4
    static let numeric: UInt8 = 1 << 5

    static let tableSize: UInt32 = 0x800

    /// Immutable once made: read by every checking thread without a lock.
    static let table: [UInt8] = (0..<tableSize).map { value in Unicode.Scalar(value).map(referenceTraits) ?? 0 }

    /// `TextMatching.fold` of each code point of the table.
    static let foldTable: [Unicode.Scalar] = (0..<tableSize).map { value in
        Unicode.Scalar(value).map(TextMatching.referenceFold) ?? Unicode.Scalar(0)
    }

    @inline(__always)
    static func traits(_ scalar: Unicode.Scalar) -> UInt8 {
        // ASCII by arithmetic: reading a static table goes through a once-only initialisation check per call.
        if scalar.isASCII { return asciiTraits(scalar.value) }
        return scalar.value < tableSize ? table[Int(scalar.value)] : referenceTraits(scalar)
    }

    /// `referenceTraits` of an ASCII character (the tests compare the two on every code point).
    @inline(__always)
    static func asciiTraits(_ value: UInt32) -> UInt8 {
        if value &- 97 < 26 { return letter | alphabetic }
        if value &- 65 < 26 { return letter | alphabetic | uppercase }
        if value &- 48 < 10 { return digit | numeric }
        return value == 32 || value == 10 || value == 9 || value == 13 ? space : 0
    }

    @inline(__always)
    static func has(_ scalar: Unicode.Scalar, _ trait: UInt8) -> Bool { traits(scalar) & trait != 0 }

    static func referenceTraits(_ scalar: Unicode.Scalar) -> UInt8 {
        var traits: UInt8 = 0
        if Tokenizer.referenceIsSpace(scalar) { traits |= space }
        if Tokenizer.referenceIsLetter(scalar) { traits |= letter }
        if Tokenizer.referenceIsDigit(scalar) { traits |= digit }
        if scalar.properties.isUppercase { traits |= uppercase }
        if scalar.properties.isAlphabetic { traits |= alphabetic }
        if scalar.properties.numericType != nil { traits |= numeric }
        return traits
    }
}
