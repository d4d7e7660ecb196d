import Foundation

/// A minimal HTTP/1.1 client on a plain socket, so that a test can send a
/// request target exactly as written (`/../../etc/passwd`), which URL types
/// would normalise first. Loopback only; every read has a time limit.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(port: Int, _ target: String) async throws -> Response {
        let raw = try await blocking {
            try exchange(port: port, request: "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", until: nil)
        }
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no header end in \(raw)") }
        let head = raw[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure(description: "bad status line in \(raw)")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }

    /// The first `data:` line of the event stream at `target`.
    static func firstEvent(port: Int, _ target: String) async throws -> String {
        let raw = try await blocking {
            try exchange(port: port, request: "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", until: "\n\n")
        }
        guard let line = raw.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }) else {
            throw Failure(description: "no event in \(raw)")
        }
        return String(line.dropFirst("data: ".count))
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { done in
            DispatchQueue.global().async { done.resume(with: Result { try work() }) }
        }
    }

    /// Sends the request and reads until the connection closes, or until
    /// `marker` appears after the header.
    private static func exchange(port: Int, request: String, until marker: String?) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send: \(errno)") }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw Failure(description: "recv: \(errno) after \(received.count) bytes") }
            if n == 0 { break }
            received += buffer[..<n]
            if let marker {
                let text = String(decoding: received, as: UTF8.self)
                if let header = text.range(of: "\r\n\r\n"), text[header.upperBound...].contains(marker) { break }
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
