import Diagnostics

/// The URL segments of files and folders named without a slug, with a warning for each name that
/// had to be changed (see `TidyNames`), once per file or folder.
struct URLSegmentNames {
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []

    /// A page's segment from its file name (`Content/fr/guide/Mon Guide.md` → `mon-guide`).
    mutating func pageSegment(_ page: SourcePage) -> String {
        segment(page.baseName, tidy: TidyNames.segment(for: page.baseName), path: page.path,
                what: "the file name", fix: "rename the file to %@.md, or set slug: in its front matter to choose the URL")
    }

    /// A folder's segment from its name, when its `_index.md` gives no slug. `path` is the folder's,
    /// from the site root; `sections` the paths of the sections' `_index.md`, where the warning goes when there is one.
    mutating func folderSegment(_ name: String, path: String, sections: Set<String>) -> String {
        let index = path + "/_index.md"
        let hasIndex = sections.contains(index)
        return segment(name, tidy: TidyNames.segment(for: name), path: hasIndex ? index : path + "/", what: "the folder name",
                       fix: hasIndex ? "rename the folder to %@, or set slug: in this _index.md to choose the URL" : "rename the folder to %@")
    }

    /// A file's segment (an image, a PDF) from its name, keeping its extension.
    mutating func fileSegment(_ name: String, path: String) -> String {
        segment(name, tidy: TidyNames.segment(forFile: name), path: path, what: "the file name",
                fix: "rename the file to %@ (and the links to it follow)")
    }

    /// `fix` says what to do, with `%@` where the tidy name goes.
    private mutating func segment(_ name: String, tidy: String, path: String, what: String, fix: String) -> String {
        if tidy == name { return name }
        let isNew = reported.insert(path).inserted
        if tidy.isEmpty {
            if isNew {
                diagnostics.append(.error(SourceLocation(file: path, line: path.hasSuffix(".md") ? 1 : nil),
                                          "\(what) '\(name)' has no letter or digit that a URL can keep",
                                          hint: fix.replacingOccurrences(of: "%@", with: "a name in Latin letters and digits")))
            }
            return name
        }
        if isNew {
            diagnostics.append(.warning(SourceLocation(file: path, line: path.hasSuffix(".md") ? 1 : nil),
                                        "\(what) '\(name)' is not a tidy URL: its URL uses '\(tidy)' instead",
                                        hint: fix.replacingOccurrences(of: "%@", with: tidy)))
        }
        return tidy
    }
}
