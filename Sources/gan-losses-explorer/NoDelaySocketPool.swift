import FlyingSocks
import Glibc

/// FlyingFox's socket pool, with Nagle's algorithm turned off (TCP_NODELAY) on every socket that
/// waits in it: the listening socket first, whose setting the connections it accepts inherit
/// (Linux), and each connection as it waits for a request.
///
/// FlyingFox writes a response's header and its body in two writes. With Nagle's algorithm on, the
/// body waits for the client to acknowledge the header, which a client delays by up to 40 ms: the
/// load test measured 44 ms per figure at the client against 3 ms of work at the server.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
