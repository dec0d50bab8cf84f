/// Example 1 of the WGAN paper (Arjovsky, Chintala & Bottou 2017): P₀ is uniform on the segment
/// {0} × [0, 1] and P_θ on {θ} × [0, 1]. The supports are disjoint for every θ ≠ 0, so
/// ```
/// W(P₀, P_θ) = |θ|      dW/dθ = sign θ       continuous, a useful gradient everywhere
/// JS(P₀, P_θ) = log 2   (0 at θ = 0)         dJS/dθ = 0 for θ ≠ 0: no gradient at all
/// KL(P_θ‖P₀) = +∞       (0 at θ = 0)
/// TV(P₀, P_θ) = 1       (0 at θ = 0)
/// ```
/// W: move each point of P₀ straight across by |θ|; no cheaper plan exists since every unit of mass
/// must travel at least |θ| horizontally.
public enum ParallelLines {
    /// W(P₀, P_θ) = |θ|.
    public static func wasserstein(_ theta: Double) -> Double { abs(theta) }
    /// dW/dθ = sign θ (0 at θ = 0).
    public static func wassersteinDerivative(_ theta: Double) -> Double { theta == 0 ? 0 : (theta > 0 ? 1 : -1) }
    /// JS(P₀, P_θ) = log 2 for θ ≠ 0, and 0 at θ = 0.
    public static func jensenShannon(_ theta: Double) -> Double { theta == 0 ? 0 : 0.6931471805599453 }
    /// dJS/dθ = 0 for every θ: no gradient at all.
    public static func jensenShannonDerivative(_ theta: Double) -> Double { 0 }
    /// KL(P_θ‖P₀) = +∞ for θ ≠ 0, and 0 at θ = 0.
    public static func kullbackLeibler(_ theta: Double) -> Double { theta == 0 ? 0 : .infinity }
    /// TV(P₀, P_θ) = 1 for θ ≠ 0, and 0 at θ = 0.
    public static func totalVariation(_ theta: Double) -> Double { theta == 0 ? 0 : 1 }

    /// `n` samples of P_θ: (θ, u) with u uniform on [0, 1).
    public static func samples(theta: Double, count n: Int, generator: inout SeededGenerator) -> [(x: Double, y: Double)] {
        (0..<n).map { _ in (theta, generator.uniform()) }
    }
}
