import ArgumentParser
import Foundation
import Diagnostics
import Serving
import SiteBuilder

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine and rebuild it when a source changes.",
        discussion: """
        Watches Content/, Themes/, site.yml and charter.yml. Open pages reload after each rebuild; a failed \
        rebuild is printed here and shown over the page, which keeps the last good version. \
        The built files are the same as `build` writes (with the base URL of the preview): the reload script \
        is added by the server only. Ctrl-C stops.
        """
    )

    @OptionGroup var source: SourceOption

    @Option(name: .long, help: ArgumentHelp("The port to listen on.", valueName: "PORT"))
    var port: Int = 1313

    @Option(name: .long, help: ArgumentHelp("The IP address to listen on; 127.0.0.1 keeps the preview to this machine.", valueName: "ADDRESS"))
    var bind: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The language to build: a code of site.yml's languages, or all.", valueName: "fr|en|all"))
    var lang: String = "all"

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("The output folder (default: a temporary folder, removed when serve stops).", valueName: "DIR"))
    var output: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port) is not a port: give a number from 1 to 65535, like 1313") }
        guard ListenAddress(host: bind, port: UInt16(port)) != nil else {
            throw ValidationError("--bind \(bind) is not an IP address: give one like 127.0.0.1 (this machine only) or 0.0.0.0 (every network)")
        }
    }

    func run() async throws {
        let signals = StopSignals()
        let limits: ServeLimits
        do { limits = try ServeLimits(environment: ProcessInfo.processInfo.environment) } catch {
            Console.printError("error: \(error.description)")
            throw ExitCode(2)
        }
        let address = ListenAddress(host: bind, port: UInt16(port))!
        if let warning = address.exposureWarning { Console.printError(warning) }
        let options = PreviewOptions(source: source.url, address: address,
                                     languages: lang == "all" ? nil : [lang], includeDrafts: drafts,
                                     output: output.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL },
                                     limits: limits)
        let preview = LivePreview(options: options, log: Console.printPreview)
        do {
            try await preview.start()
        } catch let error as UsageError {
            Console.printError("error: \(error.message)")
            throw ExitCode(2)
        } catch let error as ServeError {
            Console.printError(error.description)
            throw ExitCode(1)
        } catch let error as WatchError {
            Console.printError("error: \(error.message)")
            throw ExitCode(1)
        } catch let error as DiagnosticsError {
            // The output folder is in use by another process (its lock), or cannot be used.
            Console.printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
        _ = await signals.wait()
        await preview.stop()
    }
}
