import LossPlotCairo

extension RawPath {
    /// The path a command-line argument names, byte for byte as typed (``RawArguments``).
    init(argument: String) { self.init(bytes: RawArguments.bytes(argument)) }
}
