import LossPlotCairo
import Dispatch
import Glibc
import LossPlot

/// MP4 videos (H.264, yuv420p) of animations, encoded by ffmpeg, which must be on PATH. The
/// frames are drawn as for a GIF (``AnimationExporter/forEachFrame(of:_:)``), the last one repeated
/// for the exporter's final pause, and piped to ffmpeg as raw RGB; ffmpeg writes a temporary file
/// in the target's folder, renamed into place only once it has succeeded (``AtomicFile``), so a
/// failure leaves no partial video. H.264 in yuv420p needs even sides: the frame is padded with
/// white by a pixel where a side is odd.
///
/// ```
/// ffmpeg -hide_banner -nostats -loglevel error -y -f rawvideo -pix_fmt rgb24 -s W×H -framerate fps -i pipe:0
///        -vf pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white -c:v libx264 -pix_fmt yuv420p -crf 18
///        -movflags +faststart -f mp4 <temporary>
/// ```
enum VideoExport {
    /// Why no video was written, in one line.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The ffmpeg executable the search path `path` (PATH's value) finds, or nil.
    static func ffmpeg(searchPath path: SearchPath) -> String? {
        path.executable(named: "ffmpeg")
    }

    /// The message when ffmpeg is not on PATH.
    static func missing(_ output: RawPath) -> Failure {
        Failure(description: "cannot write \(output): an MP4 is encoded by ffmpeg, which is not on PATH; install ffmpeg (Debian: apt-get install ffmpeg) or write an animated GIF instead (-o with .gif)")
    }

    /// Draws the frames of `animation` with `exporter` and has the ffmpeg at `ffmpeg` encode them
    /// into `path`.
    static func write(_ animation: Animation, exporter: AnimationExporter, to path: RawPath, ffmpeg: String) throws {
        try AtomicFile.write(to: path) { temporary in
            var encoder: Encoder?
            do {
                var last: [UInt8] = []
                try exporter.forEachFrame(of: animation) { image in
                    if encoder == nil {
                        encoder = try Encoder(ffmpeg: ffmpeg, width: image.width, height: image.height,
                                              fps: exporter.framesPerSecond, output: temporary)
                    }
                    last = image.rgbBytes
                    try encoder!.send(last)
                }
                for _ in 0..<Int((exporter.finalPause * exporter.framesPerSecond).rounded()) { try encoder?.send(last) }
            } catch {
                // Drawing failed, or ffmpeg stopped reading: ffmpeg is ended and waited for, and
                // its own message, if it failed, is the more useful one.
                if let encoder, let failure = encoder.finish(), error is Failure { throw failure }
                throw error
            }
            if let failure = encoder?.finish() { throw failure }
        }
    }

    /// A running ffmpeg: its standard input a pipe for the frames, its messages collected.
    final class Encoder {
        private let pid: pid_t
        private var input: Int32
        private let messages = Messages()
        private let done = DispatchSemaphore(value: 0)
        private var finished = false

        /// The text ffmpeg writes to its standard error, kept to its last 64 KiB.
        private final class Messages: @unchecked Sendable {  // written by one reader, read after it ends
            var bytes: [UInt8] = []
        }

        init(ffmpeg: String, width: Int, height: Int, fps: Double, output: RawPath) throws {
            let arguments = ["ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error", "-y",
                             "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(width)x\(height)", "-framerate", "\(fps)", "-i", "pipe:0",
                             "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white",
                             "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "18", "-movflags", "+faststart", "-f", "mp4"]
            var frames: [Int32] = [0, 0], errors: [Int32] = [0, 0]
            guard pipe(&frames) == 0 else { throw Failure(description: "cannot start ffmpeg: \(String(cString: strerror(errno)))") }
            guard pipe(&errors) == 0 else {
                close(frames[0]); close(frames[1])
                throw Failure(description: "cannot start ffmpeg: \(String(cString: strerror(errno)))")
            }
            // Only the copies made for ffmpeg's 0 and 2 reach it.
            for fd in frames + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, frames[0], 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
            // The tool ignores SIGPIPE; ffmpeg gets the default back.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [output.withCString { strdup($0) }, nil]
            defer { for a in argv { free(a) } }
            var child: pid_t = 0
            let status = posix_spawn(&child, ffmpeg, &actions, &attributes, argv, environ)
            close(frames[0])
            close(errors[1])
            guard status == 0 else {
                close(frames[1]); close(errors[0])
                throw Failure(description: "cannot start \(ffmpeg): \(String(cString: strerror(status)))")
            }
            pid = child
            input = frames[1]
            let source = errors[0], messages = messages, done = done
            DispatchQueue.global().async {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    messages.bytes += buffer[0..<n]
                    if messages.bytes.count > 1 << 16 { messages.bytes.removeFirst(messages.bytes.count - (1 << 16)) }
                }
                close(source)
                done.signal()
            }
        }

        deinit { _ = finish() }

        /// Writes one frame's bytes; throws when ffmpeg no longer reads (it has failed).
        func send(_ bytes: [UInt8]) throws {
            if let error = AtomicFile.writeAll(bytes, to: input) {
                throw Failure(description: "ffmpeg stopped reading frames: \(String(cString: strerror(error)))")
            }
        }

        /// Closes ffmpeg's input, waits for it to end, and says why it failed (nil if it did not).
        func finish() -> Failure? {
            guard !finished else { return nil }
            finished = true
            close(input)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            done.wait()
            let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
            if exited && code == 0 { return nil }
            let how = exited ? "exit status \(code)" : "signal \(status & 0x7F)"
            let text = String(decoding: messages.bytes, as: UTF8.self)
            let said = text.split(whereSeparator: \.isNewline).last.map { ": " + InputText.shown(String($0.prefix(300))) } ?? ""
            return Failure(description: "ffmpeg failed (\(how))\(said)")
        }
    }
}
