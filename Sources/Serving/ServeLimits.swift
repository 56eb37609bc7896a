import Foundation

/// How long and how much the preview gives each client, so that a hostile or broken one (a
/// connection that sends nothing, a request sent one byte a second, a tab left open, a thousand
/// connections) cannot hold the server: the figures of mature servers (nginx, Apache), smaller where
/// a preview on one machine needs less.
public struct ServeLimits: Sendable, Equatable {
    /// A connection that sends no request (a new one, or a kept-alive one between requests) is closed after this.
    public var idleTimeout: Duration = .seconds(15)
    /// A request line and headers not received in full this long after their first byte are dropped (slowloris).
    public var headerTimeout: Duration = .seconds(20)
    /// A client that takes no bytes of an answer for this long is dropped (a file read slowly on purpose).
    public var writeTimeout: Duration = .seconds(30)
    /// Connections served at once; past it, a new one gets 503 and `Retry-After` (also bounded by the descriptor limit).
    public var maxConnections = 256
    /// Live-reload event streams at once (one per open page); past it, 503.
    public var maxEventStreams = 64
    /// How often an idle event stream gets a comment line, so that a page gone without closing is noticed.
    public var heartbeat: Duration = .seconds(15)
    /// The longest request line, target included: a longer one gets 414.
    public var maxRequestLineBytes = 8 * 1024
    /// The longest request line and headers together: longer gets 431.
    public var maxHeaderBytes = 32 * 1024
    /// The most header lines in one request: more gets 431.
    public var maxHeaderCount = 100

    public init() {}

    /// The variable that shortens the limits, for tests: `idle=1,header=1,write=2,connections=4,streams=2,heartbeat=1`
    /// (seconds and counts). Undocumented for people: the defaults are the ones to use.
    public static let environmentVariable = "CLEISS_SITE_SERVE_LIMITS"

    /// The defaults, changed by `CLEISS_SITE_SERVE_LIMITS` when it is set; throws a message naming the wrong item.
    public init(environment: [String: String]) throws(ServeLimitsError) {
        self.init()
        guard let text = environment[Self.environmentVariable], !text.isEmpty else { return }
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let number = Double(parts[1]), number > 0 else { throw ServeLimitsError(item: String(item)) }
            let seconds = Duration.milliseconds(Int64(number * 1000))
            switch parts[0] {
            case "idle": idleTimeout = seconds
            case "header": headerTimeout = seconds
            case "write": writeTimeout = seconds
            case "heartbeat": heartbeat = seconds
            case "connections": maxConnections = Int(number)
            case "streams": maxEventStreams = Int(number)
            default: throw ServeLimitsError(item: String(item))
            }
        }
    }

    /// `maxConnections`, lowered so that the connections, the refused ones waiting for their 503 and
    /// what a rebuild opens stay below the process's descriptor limit (`ulimit -n`).
    public func connectionsAllowed(descriptorLimit: Int) -> Int {
        Swift.max(4, Swift.min(maxConnections, (descriptorLimit - Self.descriptorsKeptForTheBuild - Self.refusedAtOnce) / 2))
    }

    /// Descriptors left for the build, the watcher and the listening socket.
    static let descriptorsKeptForTheBuild = 96
    /// Connections over the limit answered 503 at the same time; more are closed at once.
    static let refusedAtOnce = 16
}

public struct ServeLimitsError: Error, Sendable, CustomStringConvertible {
    public let item: String
    public var description: String {
        "\(ServeLimits.environmentVariable): '\(item)' is not a limit; give items like idle=15,header=20,write=30,connections=256,streams=64,heartbeat=15"
    }
}
