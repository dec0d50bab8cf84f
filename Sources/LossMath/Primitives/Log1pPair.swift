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
@inlinable @inline(__always)
func log1pPair(_ eHigh: Double, _ eLow: Double) -> (high: Double, low: Double) {
    let upper = eHigh > 0.5
    let fHigh = upper ? (eHigh - 1) * 0.5 : eHigh
    let fLow = upper ? eLow * 0.5 : eLow
    // s = f / (2 + f) as sHigh + sLow.
    let d = Compensated.fastTwoSum(2, fHigh)
    let dLow = d.low + fLow
    let sHigh = fHigh / d.high
    let remainder = fHigh.addingProduct(-sHigh, d.high)             // exact
    let sLow = (remainder + fLow - sHigh * dLow) / d.high
    // 2 Σⱼ₌₁¹¹ s²ʲ⁺¹/(2j + 1) = 2 s³ (1/3 + s²/5 + … + s²⁰/23).
    let s2 = sHigh * sHigh
    var series = 0.043478260869565216                   // 1/23
    series = 0.047619047619047616.addingProduct(series, s2)             // 1/21
    series = 0.05263157894736842.addingProduct(series, s2)              // 1/19
    series = 0.058823529411764705.addingProduct(series, s2)             // 1/17
    series = 0.06666666666666667.addingProduct(series, s2)              // 1/15
    series = 0.07692307692307693.addingProduct(series, s2)              // 1/13
    series = 0.09090909090909091.addingProduct(series, s2)              // 1/11
    series = 0.1111111111111111.addingProduct(series, s2)               // 1/9
    series = 0.14285714285714285.addingProduct(series, s2)              // 1/7
    series = 0.2.addingProduct(series, s2)                              // 1/5
    series = 0.3333333333333333.addingProduct(series, s2)               // 1/3
    let tail = 2 * sHigh * s2 * series
    // ln 2 = 0.6931471805599453 + 2.3190468138462996e−17; |2 sHigh| ≤ 0.29 < ln 2 (Fast2Sum).
    let sum = Compensated.fastTwoSum(upper ? 0.6931471805599453 : 0, 2 * sHigh)
    let ln2Low = upper ? 2.3190468138462996e-17 : 0
    let low = sum.low + ((2 * sLow + tail) + ln2Low)
    return Compensated.fastTwoSum(sum.high, low)
}
