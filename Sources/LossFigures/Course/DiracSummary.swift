import Dynamics
import LossPlot

/// The summary line of the `dirac-vector-fields` figure, written from its runs: for each game
/// what its simultaneous and its alternating steps did (``DiracRuns/Run/outcome``) and where they
/// ended, so that every word and number is measured on the trajectories drawn.
enum DiracSummary {
    /// The runs of the figure: computed once per process.
    static let runs = DiracRuns().run()

    /// The sentence for `runs` of `experiment`.
    static func sentence(_ experiment: DiracRuns = DiracRuns(), runs: [DiracRuns.Run] = runs) -> String {
        let start = DiracRuns.start
        var parts: [String] = []
        for game in experiment.games {
            let outcomes = DiracGAN.Schedule.allCases.compactMap { schedule in
                runs.first { $0.game == game && $0.schedule == schedule }?.outcome
            }
            guard outcomes.count == 2 else { continue }
            parts.append(name(experiment.field(of: game)) + " " + phrase(outcomes[0], outcomes[1]))
        }
        let r0 = (start.theta * start.theta + start.psi * start.psi).squareRoot()
        return "DiracGAN, \(experiment.steps) steps of \(String(cFormat: "%g", experiment.learningRate)) from (1, 1) "
            + "at radius \(number(r0)), simultaneous then alternating, each panel titled with the eigenvalues "
            + "of the Jacobian at (0, 0): " + parts.joined(separator: "; ") + "."
    }

    /// The game in a sentence: its panel title with the weight in parentheses, "R1 (γ = 0.3)".
    static func name(_ game: DiracGAN) -> String {
        guard let comma = game.title.firstRange(of: ", ") else { return game.title }
        return "\(game.title[..<comma.lowerBound]) (\(game.title[comma.upperBound...]))"
    }

    /// What two runs of one game did: one verb when both did the same ("converges to 0.019 and
    /// 0.0137"), else each its own.
    static func phrase(_ simultaneous: DiracRuns.Run.Outcome, _ alternating: DiracRuns.Run.Outcome) -> String {
        let (a, b) = (words(simultaneous), words(alternating))
        guard a.verb == b.verb else { return "\(a.verb) \(a.detail), \(b.verb) \(b.detail)" }
        if a.detail == b.detail { return "\(a.verb) \(a.detail)" }
        let second = a.detail.hasPrefix("to ") && b.detail.hasPrefix("to ") ? String(b.detail.dropFirst(3)) : b.detail
        return "\(a.verb) \(a.detail) and \(second)"
    }

    /// The verb of an outcome and its number: "spirals out" "to 1.87".
    static func words(_ outcome: DiracRuns.Run.Outcome) -> (verb: String, detail: String) {
        switch outcome {
        case .stalls(let theta, let psi): ("stalls", "at (\(String(cFormat: "%.2f", theta)), \(String(cFormat: "%.2f", psi)))".replacing("-", with: "−"))
        case .spiralsOut(let r): ("spirals out", "to \(number(r))")
        case .circles(let smallest, let largest): ("circles", "at \(number(smallest))–\(number(largest))")
        case .converges(let r): ("converges", "to \(number(r))")
        case .spiralsIn(let r): ("spirals in", "to \(number(r))")
        case .wanders(let r): ("wanders", "to \(number(r))")
        }
    }

    /// Three significant digits (0.000953 as 9.53e−4), with a minus sign for negatives.
    static func number(_ x: Double) -> String {
        let text = abs(x) < 0.01 && x != 0 ? String(cFormat: "%.2e", x) : String(cFormat: "%.3g", x)
        return text.replacing("e-0", with: "e−").replacing("e-", with: "e−").replacing("-", with: "−")
    }
}
