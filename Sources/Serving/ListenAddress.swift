import FlyingSocks
import Foundation

/// The address the preview listens on (`--bind` and `--port`) and the base URL the site is built with.
public struct ListenAddress: Sendable, Equatable {
    /// An IPv4 or IPv6 address, as given (`localhost` is 127.0.0.1).
    public let host: String
    public let port: UInt16
    let isIPv6: Bool

    /// Nil when `host` is not an IP address: the preview listens on one address, not on names.
    public init?(host: String, port: UInt16) {
        let host = host == "localhost" ? "127.0.0.1" : host
        self.host = host
        self.port = port
        if (try? sockaddr_in.inet(ip4: host, port: port)) != nil {
            isIPv6 = false
        } else if (try? sockaddr_in6.inet6(ip6: host, port: port)) != nil {
            isIPv6 = true
        } else {
            return nil
        }
    }

    /// `http://127.0.0.1:1313/`, or `http://[::1]:1313/`. Listening on every address (`0.0.0.0`,
    /// `::`) is no address to browse to: the pages are then built for `http://localhost:1313/`, as
    /// Hugo does, and another machine of the network uses this one's address with root-relative links.
    public var baseURL: String {
        if host == "0.0.0.0" || host == "::" { return "http://localhost:\(port)/" }
        return "http://\(isIPv6 ? "[\(host)]" : host):\(port)/"
    }

    /// Whether only this machine can connect: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        isIPv6 ? host == "::1" || host == "0:0:0:0:0:0:0:1" : host.hasPrefix("127.")
    }

    /// Said when the preview listens beyond this machine: it is a tool for one person, not a server to expose.
    public var exposureWarning: String? {
        guard !isLoopback else { return nil }
        return "warning: --bind \(host): the preview is reachable from the network, by anyone who can reach this machine on port \(port). "
            + "It is meant for this machine and a trusted network only, never to be exposed to the Internet: publish the output of `build` instead."
    }

    func socketAddress() throws -> any SocketAddress {
        isIPv6 ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    }
}
