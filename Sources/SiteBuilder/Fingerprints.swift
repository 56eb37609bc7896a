import Configuration
import ContentLoading
import Foundation
import Rendering
import Support

/// What every page of the output depends on: the build's options, site.yml and charter.yml. When it
/// changes, a session starts again from nothing.
enum SettingsFingerprint {
    static func of(_ options: BuildOptions, search: Bool) -> Int {
        var hasher = Hasher()
        hasher.combine(search)
        hasher.combine(options.languages)
        hasher.combine(options.baseURL)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.strict)
        hasher.combine(options.production)
        hasher.combine(options.fingerprintAssets)
        for name in [ConfigurationLoader.fileName, "charter.yml"] {
            hasher.combine(FileManager.default.contents(atPath: options.source.appendingPathComponent(name).path))
        }
        return hasher.finalize()
    }
}

/// The theme's files: when they change, the session loads and compiles the theme again, and keeps the
/// rest (pages, charter findings). Which pages change is then the compiled templates' business: a
/// page's fingerprint holds its template's program and the values it reads (see `SiteRenderer.rendered`).
enum ThemeFingerprint {
    static func of(_ options: BuildOptions, configuration: SiteConfiguration) -> Int {
        var hasher = Hasher()
        hasher.combine(configuration.theme)
        let theme = options.source.appendingPathComponent("Themes").appendingPathComponent(configuration.theme)
        // Listed as `Theme.load` lists it: its problems are the theme's errors.
        for path in SourceTree(root: options.source).files(in: theme, displayPrefix: "Themes/" + configuration.theme).files {
            hasher.combine(path)
            // With plain asset names (the live preview), an asset is copied as it is and no page shows its
            // bytes: a new stylesheet renders no page again (every build copies the assets whose bytes
            // changed). Its name counts: the theme's list of assets is part of the theme a session keeps.
            // Fingerprinted, every page shows the digest of every asset's bytes.
            if options.fingerprintAssets || !path.hasPrefix(Theme.assetsFolder + "/") {
                hasher.combine(FileManager.default.contents(atPath: theme.appendingPathComponent(path).path))
            }
        }
        return hasher.finalize()
    }
}

/// What a link between source files resolves against: every page's and resource's source path and
/// URL, and every output path claimed (for root-relative links). See `SiteContent.resolveLink`.
enum LinkTargets {
    static func fingerprint(_ content: SiteContent) -> Int {
        var hasher = Hasher()
        for page in content.pages {
            hasher.combine(page.source.path)
            hasher.combine(page.url)
        }
        for resource in content.resources {
            hasher.combine(resource.resource.path)
            hasher.combine(resource.url)
        }
        hasher.combine(content.claimedOutputPaths.sorted())
        return hasher.finalize()
    }
}
