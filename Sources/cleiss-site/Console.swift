import ArgumentParser
import Diagnostics
import Foundation
import Serving
import SiteBuilder

/// How the command line reports to a person and to CI.
enum Console {
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A message of `serve`: errors and warnings on standard error, the rest on standard output,
    /// flushed at once since serve runs on while the person (or a test) reads it.
    @Sendable static func printPreview(_ message: PreviewMessage) {
        for warning in message.warnings { printError(warning) }
        if message.isError {
            printError(message.text)
        } else {
            FileHandle.standardOutput.write(Data((message.text + "\n").utf8))
        }
    }

    /// Runs `body`; content problems are printed with a count and exit 1, usage errors exit 2.
    /// `failure` names what failed; `keepsOutput`: whether the command had an output folder, left as it was.
    static func runReportingDiagnostics<T>(failure: String = "build failed", keepsOutput: Bool = true, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DiagnosticsError {
            printDiagnostics(error.diagnostics)
            let errors = error.diagnostics.errors.count, warnings = error.diagnostics.warnings.count
            printError("\(failure): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                       + (keepsOutput ? "; the previous output was left as it was" : ""))
            throw ExitCode(1)
        } catch let error as UsageError {
            printError("error: \(error.message)")
            throw ExitCode(2)
        }
    }
}
