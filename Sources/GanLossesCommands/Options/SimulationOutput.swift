import LossPlotCairo
import ArgumentParser
import LossPlot

/// What `simulate -o` writes, chosen by the file's extension and `--frames`: the static figure
/// (.png, .svg; .pdf without --frames), an animation (.gif always; .pdf with --frames, a page per
/// frame for beamer's `animate` package) or an MP4 video (.mp4, encoded by ffmpeg).
enum SimulationOutput: Equatable {
    /// The figure, as `simulate` has always drawn it.
    case figure(ImageFormat)
    /// An animation of `frames` frames.
    case animation(AnimationFormat, frames: Int)
    /// An H.264 video of `frames` frames, through ffmpeg.
    case video(frames: Int)

    /// Frames of a GIF or video when --frames is not given.
    static let defaultFrames = 40
    /// The frames an animation may have.
    static let frameLimits = 2...200
    /// The frames per second a GIF or video may have (GIF counts hundredths of a second, and
    /// browsers slow delays under 2/100 s down to 1/10 s).
    static let fpsLimits = 1.0...50.0
    /// Frames per second when --fps is not given.
    static let defaultFPS = 10.0
    /// GIF and video frames are drawn at this resolution: 1200 pixels across a 12-inch figure.
    static let dpi = 100.0
    /// A still figure's PNG resolution, as `plot`'s default.
    static let figureDPI = 150.0

    /// The extensions `-o` takes, for messages.
    static let extensions = ".png, .svg, .pdf, .gif or .mp4"

    /// The output for `-o path`, `--frames` and `--fps` as given; a usage error for an unknown
    /// extension, a frame count out of range, or --frames or --fps where nothing animates.
    init(path: RawPath, frames: Int?, fps: Double?) throws {
        if let frames, !Self.frameLimits.contains(frames) {
            throw ValidationError("--frames \(frames) is outside \(Self.frameLimits.lowerBound) to \(Self.frameLimits.upperBound)")
        }
        if let fps, !(fps.isFinite && Self.fpsLimits.contains(fps)) {
            throw ValidationError("--fps \(fps) is outside 1 to 50")
        }
        let ext = path.pathExtension.lowercased()
        switch ext {
        case "gif": self = .animation(.gif, frames: frames ?? Self.defaultFrames)
        case "mp4": self = .video(frames: frames ?? Self.defaultFrames)
        case "pdf" where frames != nil: self = .animation(.pdf, frames: frames!)
        default:
            guard let format = ImageFormat(pathExtension: ext) else {
                throw ValidationError("-o \(path): unknown extension '\(InputText.shown(path.pathExtension))'; use \(Self.extensions)")
            }
            if frames != nil {
                throw ValidationError("--frames applies to animations: -o with .gif, .mp4 or .pdf, not .\(format.rawValue)")
            }
            self = .figure(format)
        }
        if fps != nil, !self.hasFrameRate {
            throw ValidationError("--fps applies to .gif and .mp4 (a PDF animation's rate is \\animategraphics's first argument)")
        }
    }

    /// Whether the file plays at a rate of its own (GIF, video).
    var hasFrameRate: Bool {
        switch self {
        case .figure, .animation(.pdf, _): false
        case .animation(.gif, _), .video: true
        }
    }
}
