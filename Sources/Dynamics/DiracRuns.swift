/// The DiracGAN experiment of `gan-losses simulate dirac` and of the `dirac-vector-fields` figure:
/// for each game, gradient steps from one start under each schedule.
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
    /// The schedules run for each game, in this order (both by default).
    public var schedules: [DiracGAN.Schedule]
    /// γ for every game that has one (R1, consensus), in place of its own; nil keeps each game's.
    public var gamma: Double?
    /// λ for WGAN-GP in place of its own; nil keeps it.
    public var lambda: Double?

    public init(games: [DiracGAN.Game] = DiracGAN.Game.allCases, steps: Int = defaultSteps,
                learningRate: Double = defaultLearningRate, schedules: [DiracGAN.Schedule] = DiracGAN.Schedule.allCases,
                gamma: Double? = nil, lambda: Double? = nil) {
        self.games = games; self.steps = steps; self.learningRate = learningRate
        self.schedules = schedules; self.gamma = gamma; self.lambda = lambda
    }

    /// The field of `game` in this experiment: the game with the experiment's weights.
    public func field(of game: DiracGAN.Game) -> DiracGAN {
        DiracGAN(game: game, gamma: gamma, lambda: lambda)
    }

    /// The runs, game by game, each schedule in the order of ``schedules``.
    public func run() -> [Run] {
        games.flatMap { game in
            schedules.map { schedule in
                Run(game: game, schedule: schedule,
                    path: field(of: game).trajectory(from: Self.start, steps: steps, learningRate: learningRate, schedule: schedule))
            }
        }
    }
}
