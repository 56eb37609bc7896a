import ArgumentParser
import Foundation

/// `serve` runs asynchronously (its server and watcher), the other commands synchronously. A function
/// of its own, so that the asynchronous `run()` is the one called, not the synchronous one it refines.
func runAsync(_ command: any AsyncParsableCommand) async throws {
    var command = command
    try await command.run()
}

// Usage errors exit with 2 (ArgumentParser's default is 64), content errors with 1.
do {
    var command = try CleissSite.parseAsRoot()
    if let command = command as? AsyncParsableCommand {
        try await runAsync(command)
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = CleissSite.exitCode(for: error)
    if code == .success {
        CleissSite.exit(withError: error)
    }
    FileHandle.standardError.write(Data((CleissSite.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
