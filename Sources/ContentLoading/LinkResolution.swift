import Foundation

/// What a link written in a page's Markdown points to.
public enum LinkTarget: Sendable, Equatable {
    /// Leave it as written: another site, a mail address, an anchor in the same page.
    case unchanged
    /// A page or file of this site, at this root-relative URL.
    case url(String)
    /// Nothing of this site answers: the reason, for the error message.
    case missing(String)
}

extension SiteContent {
    /// Resolves a link destination written in the page at `index`.
    ///
    /// Relative links are paths between source files (`../employeurs/detachement.md#duree`) and
    /// become the target's URL; root-relative links (`/fr/…`) must name a URL the build writes, or be
    /// in a folder that another system serves.
    public func resolveLink(_ destination: String, from index: Int) -> LinkTarget {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return .unchanged }
        if let colon = destination.firstIndex(of: ":"),
           !destination[..<colon].contains("/"), destination[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            return .unchanged
        }
        var path = destination
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = String(path[..<mark])
        }
        // Foundation's decoding bridges the text: only for the rare link that has a `%` escape.
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        if decoded.hasPrefix("/") {
            let outputPath = URLPaths.outputPath(forURL: decoded)
            if claimedOutputPaths.contains(outputPath) || decoded.hasPrefix("/assets/") { return .unchanged }
            // A folder of the host that another system serves (site.yml, `links: servedElsewhere:`).
            if configuration.isServedElsewhere(path: decoded) { return .unchanged }
            return .missing("no page of this site has the URL \(decoded)")
        }
        guard let targetPath = linkedSourcePath(decoded, from: index) else {
            return .missing("'\(decoded)' leads outside the \(ContentLoader.contentFolder) folder")
        }
        if let found = self.page(sourcePath: targetPath) { return .url(pages[found].url + suffix) }
        if let found = self.page(sourcePath: targetPath + "/_index.md") { return .url(pages[found].url + suffix) }
        if let found = resourceBySourcePath[targetPath] { return .url(resources[found].url + suffix) }
        // The page is there but could not be loaded: its own errors are reported, the link is not broken.
        if unloadedSourcePaths.contains(targetPath) || unloadedSourcePaths.contains(targetPath + "/_index.md") { return .unchanged }
        if targetPath.hasSuffix(".md") {
            return .missing("there is no page \(targetPath) (or it is a draft, which is not published)")
        }
        return .missing("there is no file \(targetPath)")
    }

    /// The path from the site root of what a relative link of the page at `index` names
    /// (`../employeurs/detachement.md` → `Content/fr/employeurs/detachement.md`); nil when it leads out of Content/.
    public func linkedSourcePath(_ decodedPath: String, from index: Int) -> String? {
        let folderComponents = pages[index].source.path.split(separator: "/").dropLast().map(String.init)
        guard let target = URLPaths.normalize(folderComponents + decodedPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)),
              target.first == ContentLoader.contentFolder else { return nil }
        return target.joined(separator: "/")
    }
}
