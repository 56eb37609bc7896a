import Foundation

extension String {
    /// Whether `needle` occurs in the text, compared byte for byte on UTF-8.
    ///
    /// Foundation's `contains` on Linux bridges both strings to NSString and searches UTF-16 with
    /// locale rules; for exact markup like `aria-label="…"` a byte search gives the same answer far faster.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard text.count >= pattern.count else { return false }
                var start = 0
                while start <= text.count - pattern.count {
                    if text[start] == first && text[start..<start + pattern.count].elementsEqual(pattern) { return true }
                    start += 1
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// Whether the UTF-8 of the text holds `byte`, found by memchr: `utf8.contains` steps through the
    /// view byte by byte, and whole pages are searched this way (a `\r` in every file read).
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}

extension Data {
    /// Whether `needle` occurs in the bytes: a rendered page searched for a tag. memchr finds each
    /// candidate first byte.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            withUnsafeBytes { bytes in
                guard let first = pattern.first else { return true }
                guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
                var offset = 0
                while offset <= bytes.count - pattern.count {
                    guard let found = memchr(base + offset, Int32(first), bytes.count - pattern.count - offset + 1) else { return false }
                    offset = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return true }
                    offset += 1
                }
                return false
            }
        }
    }
}
