import LossMath
for loss in GeneratorLoss.allCases {
    for c in try AccuracyCheck.run(loss) where !c.passed || c.witnesses.hasPrefix("closed form vs ref") {
        print(loss.id, c.witnesses, c.quantity, c.maxULP, c.maxRelativeError, c.worstLogit, c.points, c.failedSpecialPoints, c.passed)
    }
}
