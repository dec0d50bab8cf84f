import Dynamics
import LossFigures
import LossMath

/// The explorer's page, `GET /`: HTML, its style and its script, all of the project's own, in
/// one response of about 38 KB that loads nothing from elsewhere (it works offline). The script
/// asks the server for each figure and value (``CommandQuery``) and keeps the whole view in the
/// address bar's query, so that a link reproduces it.
///
/// The catalog the page offers (the losses, the DiracGAN games, the ring's objectives and the x
/// axes' ranges) is written into it from LossMath, Dynamics and LossFigures, so that the page and
/// the tool cannot disagree.
enum ExplorerPage {
    static let html = markup
        .replacing("/*STYLE*/", with: style)
        .replacing("/*CATALOG*/", with: catalog)
        .replacing("/*SCRIPT*/", with: script)

    /// `{"losses": [{"id", "label", "relativistic", "bce"}], "games": [{"id", "label", "gamma",
    /// "r1"}]}`: every game once (`ragan` is `rasgan`'s), and every DiracGAN game with its own γ
    /// (null for none) and whether it is one of the R1 games, which `--gamma` tells apart only by γ;
    /// `"objectives": [{"id", "label"}]`, the ring experiment's; `"axes": {"logit": [lo, hi], …}`,
    /// each x axis's default range, where the probe can be marked.
    static var catalog: String {
        let losses = GeneratorLoss.allCases.filter { $0 != .ragan }.map { loss in
            #"{"id": \#(json(loss.id)), "label": \#(json(loss.title)), "relativistic": \#(loss.relativistic != nil), "bce": \#(loss.hasValueFunction)}"#
        }
        let games = DiracGAN.Game.allCases.map { game in
            #"{"id": \#(json(game.rawValue)), "label": \#(json(game.title)), "gamma": \#(game.gamma.map { "\($0)" } ?? "null"), "r1": \#(game.gamma != nil && game != .consensus)}"#
        }
        let objectives = RingGAN.Objective.allCases.map { objective in
            #"{"id": \#(json(objective.rawValue)), "label": \#(json(objective.title))}"#
        }
        let axes = LossCurveFigure.XVariable.allCases.map { x in
            #"\#(json(x.rawValue)): [\#(x.defaultRange.lowerBound), \#(x.defaultRange.upperBound)]"#
        }
        return #"{"losses": [\#(losses.joined(separator: ", "))], "games": [\#(games.joined(separator: ", "))], "objectives": [\#(objectives.joined(separator: ", "))], "#
            + #""axes": {\#(axes.joined(separator: ", "))}}"#
    }

    /// `text` as a JSON string that cannot close the page's script (`<` escaped).
    static func json(_ text: String) -> String {
        JSONText.string(text).replacing("<", with: "\\u003c")
    }
}
