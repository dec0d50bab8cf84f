import LossFigures

extension CourseFigure {
    /// Whether this build is unoptimized (a debug build): the ring simulation of mode-collapse
    /// (four objectives, 3000 steps of 64-unit networks, 7 s of CPU optimized) takes hours there,
    /// its SIMD kernels running as generic calls lane by lane.
    static var unoptimized: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }

    /// The figures the tests draw in this build: all of them, except mode-collapse in an
    /// unoptimized build (the release run of the suite draws and checks it).
    static var testable: [CourseFigure] { allCases.filter { !unoptimized || $0 != .modeCollapse } }
}
