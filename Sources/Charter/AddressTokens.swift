/// Web and e-mail addresses written in prose: nobody reads them as words, so readability counts them as no
/// word at all, like the autolinks that the page reader already turns into placeholders. (Counting one as a
/// short word would do about as well; none is what an autolink gets, and the two should not differ.)
///
/// An address is a token, without the punctuation around it, that holds "://", starts with "www." or
/// "mailto:", is an e-mail (`name@host.tld`), or is a bare domain or file name in ASCII
/// (`service-public.fr/particuliers`, `ameli.fr`, `guide.pdf`): labels joined by periods, the last one of
/// two or more lowercase letters. "e.g.", "U.S.", "c.-à-d." or "3.5" are none.
enum AddressToken {
    static func isAddress<Token: BidirectionalCollection<Unicode.Scalar>>(_ token: Token) -> Bool {
        guard let first = token.firstIndex(where: { !isSurrounding($0) }),
              let last = token.lastIndex(where: { !isSurrounding($0) }), first <= last else { return false }
        let scalars = Array(token[first...last])
        if hasPrefix(scalars, "www.") || hasPrefix(scalars, "mailto:") || contains(scalars, "://") { return true }
        guard scalars.allSatisfy(\.isASCII) else { return false }
        if let at = scalars.firstIndex(of: "@") { return at > 0 && isDomain(scalars[(at + 1)...]) }
        return isDomain(scalars[...])
    }

    /// Punctuation around an address in a sentence: brackets, quotes, and the period or comma after it.
    static func isSurrounding(_ scalar: Unicode.Scalar) -> Bool {
        "()[]<>«»\"“”'’.,;:!?".unicodeScalars.contains(scalar)
    }

    /// `host.tld`, maybe followed by a path: two labels or more, the last (before any "/") of lowercase letters.
    static func isDomain(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let host = scalars.prefix { $0 != "/" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { isHostCharacter($0) } }) else { return false }
        // "a.m" or "e.g" are initials, not a host: a host's first label has two characters or more.
        guard let tld = labels.last, labels[0].count >= 2, tld.count >= 2 else { return false }
        return tld.allSatisfy { $0.value &- 97 < 26 }
    }

    static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 97 < 26 || scalar.value &- 65 < 26 || scalar.value &- 48 < 10 || scalar == "-" || scalar == "_"
    }

    static func hasPrefix(_ scalars: [Unicode.Scalar], _ prefix: String) -> Bool {
        let prefix = Array(prefix.unicodeScalars)
        return scalars.count >= prefix.count && zip(scalars, prefix).allSatisfy { TextMatching.fold($0) == $1 }
    }

    static func contains(_ scalars: [Unicode.Scalar], _ needle: String) -> Bool {
        let needle = Array(needle.unicodeScalars)
        guard scalars.count >= needle.count else { return false }
        return (0...(scalars.count - needle.count)).contains { Array(scalars[$0..<($0 + needle.count)]) == needle }
    }
}
