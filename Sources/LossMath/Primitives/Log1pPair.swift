/// `log(1 + E)` for `0 ≤ E ≤ 1` given as a pair `E = eHigh + eLow`, returned as a pair carrying
/// about 2⁻⁶⁰ relative precision. With ``ExtendedExp`` it gives softplus(x) = max(x, 0) +
/// log1p(e^(−|x|)) with a single final rounding.
///
/// ```
/// E ≤ ½:   log(1 + E) = log1p(f),          f = E                 f ∈ [0, ½]
/// E > ½:   log(1 + E) = ln 2 + log1p(f),   f = (E − 1)/2         f ∈ (−¼, 0]  (E − 1 exact: Sterbenz)
/// log1p(f) = 2 atanh(s) = 2 Σⱼ s²ʲ⁺¹/(2j + 1),   s = f/(2 + f),  |s| ≤ ⅕
/// ```
/// `s` is carried as a pair (the quotient's remainder from an fma), the sum to j = 11: the first
/// omitted term is below 2⁻⁶⁰ of the result. Only the tail from s³ on rounds, and it is at most
/// 1.4% of the result.
@inlinable
func log1pPair(_ eHigh: Double, _ eLow: Double) -> (high: Double, low: Double) {
    let upper = eHigh > 0.5
    let fHigh = upper ? (eHigh - 1) * 0.5 : eHigh
    let fLow = upper ? eLow * 0.5 : eLow
    // s = f / (2 + f) as sHigh + sLow.
    let d = fastTwoSum(2, fHigh)
    let dLow = d.low + fLow
    let sHigh = fHigh / d.high
    let remainder = fHigh.addingProduct(-sHigh, d.high)             // exact
    let sLow = (remainder + fLow - sHigh * dLow) / d.high
    // 2 Σⱼ₌₁¹¹ s²ʲ⁺¹/(2j + 1) = 2 s³ (1/3 + s²/5 + … + s²⁰/23).
    let s2 = sHigh * sHigh
    var series = 1.0 / 23
    series = series * s2 + 1.0 / 21
    series = series * s2 + 1.0 / 19
    series = series * s2 + 1.0 / 17
    series = series * s2 + 1.0 / 15
    series = series * s2 + 1.0 / 13
    series = series * s2 + 1.0 / 11
    series = series * s2 + 1.0 / 9
    series = series * s2 + 1.0 / 7
    series = series * s2 + 1.0 / 5
    series = series * s2 + 1.0 / 3
    let tail = 2 * sHigh * s2 * series
    // ln 2 = 0.6931471805599453 + 2.3190468138462996e−17; |2 sHigh| ≤ 0.29 < ln 2 (Fast2Sum).
    let sum = fastTwoSum(upper ? 0.6931471805599453 : 0, 2 * sHigh)
    let low = sum.low + (2 * sLow + tail + (upper ? 2.3190468138462996e-17 : 0))
    return fastTwoSum(sum.high, low)
}
