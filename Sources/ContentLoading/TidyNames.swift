import Foundation

/// File and folder names as URL segments: a name made for people (`06-Sécuriser vos sites web, vos …`)
/// becomes a tidy segment (`06-securiser-vos-sites-web-vos`) by the rules of heading anchors: lowercase
/// ASCII letters and digits, the accents folded, every other run of characters one hyphen.
///
/// Why: a name as it is gives URLs with `%20`, `%C3%A9` and commas that break when copied, and two
/// names differing only by case overwrite each other on the disks of macOS and Windows.
public enum TidyNames {
    /// A name that is already tidy is kept as it is: lowercase ASCII letters, digits, `-`, `_` and `.`,
    /// not starting with `.`. These need no escaping in a URL and mean the same on every disk.
    public static func isTidy(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
            default: false
            }
        }
    }

    /// The segment a name gives: the name itself when tidy, else its words folded to lowercase ASCII
    /// and joined by hyphens (`_` and `.` are kept). Empty when nothing of the name can be kept
    /// (a name written only in another script, or only punctuation).
    public static func segment(for name: String) -> String {
        if isTidy(name) { return name }
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: posix)
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ß", with: "ss")
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let kept = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ".")
            if kept {
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(UInt8(scalar.value))
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        // A leading dot would make a hidden file, a trailing one is lost by some disks.
        while bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: ".") || bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// The segment of a file that keeps its extension (an image, a PDF): `Capture d'écran.PNG` → `capture-d-ecran.png`.
    public static func segment(forFile name: String) -> String {
        if isTidy(name) { return name }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return segment(for: name) }
        let stem = segment(for: String(name[..<dot])), fileExtension = segment(for: String(name[name.index(after: dot)...]))
        if stem.isEmpty { return "" }
        return fileExtension.isEmpty ? stem : stem + "." + fileExtension
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
