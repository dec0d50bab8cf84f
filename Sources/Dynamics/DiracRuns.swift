/// The DiracGAN experiment of `gan-losses simulate dirac` and of the `dirac-vector-fields` figure:
/// for each game, gradient steps from one start under both schedules.
public struct DiracRuns: Sendable {
    /// One trajectory: (θ, ψ) after each step, the start first.
    public struct Run: Sendable {
        public var game: DiracGAN.Game
        public var schedule: DiracGAN.Schedule
        public var path: [(theta: Double, psi: Double)]
    }

    /// (θ, ψ) = (1, 1): generator and discriminator both off the equilibrium (0, 0).
    public static let start = (theta: 1.0, psi: 1.0)
    public static let defaultSteps = 300
    public static let defaultLearningRate = 0.1

    public var games: [DiracGAN.Game]
    public var steps: Int
    public var learningRate: Double

    public init(games: [DiracGAN.Game] = DiracGAN.Game.allCases, steps: Int = defaultSteps,
                learningRate: Double = defaultLearningRate) {
        self.games = games; self.steps = steps; self.learningRate = learningRate
    }

    /// The runs, game by game, simultaneous before alternating.
    public func run() -> [Run] {
        games.flatMap { game in
            DiracGAN.Schedule.allCases.map { schedule in
                Run(game: game, schedule: schedule,
                    path: DiracGAN(game: game).trajectory(from: Self.start, steps: steps, learningRate: learningRate, schedule: schedule))
            }
        }
    }
}
