import Foundation
import Support

/// The names the theme's assets are published under. Fingerprinted, a name carries the first 12
/// hex digits of the SHA-256 of the file's bytes (`cleiss.css` → `cleiss.0123456789ab.css`), so that
/// servers can let browsers keep assets for a year: a changed file is a new URL.
public struct AssetNames: Sendable, Equatable {
    /// Path in the theme's `assets/` → path in the output's `assets/`.
    public let published: [String: String]

    /// Plain names: the live preview, where the next edit must show at once, keeps them.
    public init(plain assets: [String]) {
        published = Dictionary(uniqueKeysWithValues: assets.map { ($0, $0) })
    }

    /// Names with the digest of each file of `folder` (the theme's `assets/`).
    public init(fingerprinting assets: [String], in folder: URL) throws {
        published = Dictionary(uniqueKeysWithValues: try assets.map { asset in
            (asset, Self.name(asset, digest: try Digest.sha256(Data(contentsOf: folder.appendingPathComponent(asset)))))
        })
    }

    /// `css/site.css` with digest `0123456789ab…` → `css/site.0123456789ab.css`; a name without an
    /// extension takes the digest at its end.
    static func name(_ asset: String, digest: String) -> String {
        let short = String(digest.prefix(12))
        let slash = asset.lastIndex(of: "/").map { asset.index(after: $0) } ?? asset.startIndex
        guard let dot = asset[slash...].lastIndex(of: "."), dot > slash else { return asset + "." + short }
        return asset[..<dot] + "." + short + asset[dot...]
    }

    /// For templates: `{{assets.cleiss.css}}` is the URL of `cleiss.css`, `{{assets.img.logo.png}}`
    /// that of `img/logo.png` — each `/` or `.` of the name a step in the lookup.
    func templateValue(assetsURL: String) -> [String: Any] {
        var root: [String: Any] = [:]
        for (asset, name) in published.sorted(by: { $0.key < $1.key }) {
            let steps = asset.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
            Self.insert(assetsURL + name, at: steps[...], into: &root)
        }
        return root
    }

    /// A name that is also the start of a longer one (`a.css` and `a.css.map`) keeps its URL; the longer one is then not reachable.
    private static func insert(_ url: String, at steps: ArraySlice<String>, into node: inout [String: Any]) {
        guard let first = steps.first else { return }
        if steps.count == 1 {
            if node[first] == nil { node[first] = url }
            return
        }
        var child = node[first] as? [String: Any] ?? [:]
        if node[first] is String { return }
        insert(url, at: steps.dropFirst(), into: &child)
        node[first] = child
    }
}
