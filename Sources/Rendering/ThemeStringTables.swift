import Diagnostics
import Foundation
import Support

extension Theme {
    /// A theme's string tables alone, for `check`, which renders nothing but reads the texts the
    /// pages made from data show. Those that cannot be read are left out: the build says why.
    public static func stringTables(root: URL, name: String, languages: [String]) -> [String: [String: String]] {
        var ignored: [Diagnostic] = []
        return loadStrings(SourceTree(root: root), displayPath: "Themes/\(name)/i18n", languages: languages, required: [], diagnostics: &ignored)
    }
}
