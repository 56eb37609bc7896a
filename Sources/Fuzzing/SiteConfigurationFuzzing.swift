import Configuration
import Diagnostics
import Foundation

/// site.yml through the configuration loader of a build. The libFuzzer target `FuzzSiteConfiguration`
/// and the regression tests of `Tests/FuzzRegressions/site` call it.
public struct SiteConfigurationFuzzing: Sendable {
    public enum Outcome: Sendable, Equatable {
        case refused(errors: Int)
        case loaded(languages: Int, audiences: Int)
    }

    let workspace: FuzzWorkspace

    public init() {
        workspace = FuzzWorkspace(name: "site")
    }

    public func run(_ data: Data) throws -> Outcome {
        try workspace.write(data, to: ConfigurationLoader.fileName)
        defer { workspace.clear() }
        do {
            let configuration = try ConfigurationLoader.load(root: workspace.root)
            return .loaded(languages: configuration.languages.count, audiences: configuration.audiences.count)
        } catch {
            return .refused(errors: error.diagnostics.count)
        }
    }
}
