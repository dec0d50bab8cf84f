import Dynamics
import Glibc
import Testing

@Suite("DiracGAN near its equilibrium")
struct DiracLinearizationTests {
    static func radius(_ p: (theta: Double, psi: Double)) -> Double { (p.theta * p.theta + p.psi * p.psi).squareRoot() }

    /// J by central differences of the field at (0, 0), step d.
    static func numericalJacobian(_ game: DiracGAN.Game, step d: Double = 1e-5) -> Matrix2 {
        let gan = DiracGAN(game: game)
        let (tp, tm) = (gan.field(theta: d, psi: 0), gan.field(theta: -d, psi: 0))
        let (pp, pm) = (gan.field(theta: 0, psi: d), gan.field(theta: 0, psi: -d))
        return Matrix2(a: (tp.dTheta - tm.dTheta) / (2 * d), b: (pp.dTheta - pm.dTheta) / (2 * d),
                       c: (tp.dPsi - tm.dPsi) / (2 * d), d: (pp.dPsi - pm.dPsi) / (2 * d))
    }

    @Test("the closed-form Jacobian agrees with central differences of the field", arguments: DiracGAN.Game.allCases)
    func jacobian(game: DiracGAN.Game) throws {
        let numerical = Self.numericalJacobian(game)
        guard let closed = DiracGAN(game: game).jacobianAtEquilibrium else {
            // WGAN-GP: the penalty's derivative jumps from +2λ to −2λ across ψ = 0, so the field
            // itself jumps (v_ψ from −2λ − θ to 2λ − θ): its difference quotient grows like 1/d.
            #expect(game == .wgangp)
            let (coarse, fine) = (Self.numericalJacobian(game, step: 1e-4), Self.numericalJacobian(game, step: 1e-6))
            // v_ψ(0, ±d) = ±2λ(1 − d), so the quotient is 2λ(1 − d)/d.
            #expect(abs(coarse.d / ((2 - 2e-4) / 1e-4) - 1) < 1e-9 && abs(fine.d / ((2 - 2e-6) / 1e-6) - 1) < 1e-9)
            return
        }
        for (x, y) in [(closed.a, numerical.a), (closed.b, numerical.b), (closed.c, numerical.c), (closed.d, numerical.d)] {
            #expect(abs(x - y) < 1e-8, "\(game): closed \(closed), numerical \(numerical)")
        }
    }

    @Test("J = [[0, ½], [−½, 0]] for minimax and non-saturating: eigenvalues ±i/2, a simultaneous step's radius √(1 + h²/4)")
    func rotation() throws {
        for game in [DiracGAN.Game.minimax, .nonsat] {
            let l = try #require(DiracGAN(game: game).linearization(stepSize: 0.1))
            #expect(l.jacobian == Matrix2(a: 0, b: 0.5, c: -0.5, d: 0))
            #expect(l.eigenvalues[0].re == 0 && l.eigenvalues[0].im == 0.5)
            #expect(abs(l.simultaneousRadius - (1 + 0.01 / 4).squareRoot()) < 1e-15)
            #expect(abs(l.alternatingRadius - 1) < 1e-15)
        }
        let wgan = try #require(DiracGAN(game: .wgan).linearization(stepSize: 0.1))
        #expect(wgan.jacobian == Matrix2(a: 0, b: 1, c: -1, d: 0) && wgan.eigenvalues[0].im == 1)
        #expect(DiracGAN(game: .wgangp).linearization(stepSize: 0.1) == nil)
    }

    @Test("the regularizers: eigenvalues with negative real parts, as derived")
    func regularized() throws {
        // Consensus: J − γJᵀJ = [[−γ/4, ½], [−½, −γ/4]], eigenvalues −γ/4 ± i/2.
        let consensus = try #require(DiracGAN(game: .consensus).jacobianAtEquilibrium)
        #expect(consensus == Matrix2(a: -0.25, b: 0.5, c: -0.5, d: -0.25))
        #expect(consensus.eigenvalues[0] == (re: -0.25, im: 0.5))
        // Instance noise, σ = 1: [[0, ½], [−½, −σ²/2]], eigenvalues −σ²/4 ± √(¼ − σ⁴/16) i.
        let noise = try #require(DiracGAN(game: .instanceNoise).jacobianAtEquilibrium)
        #expect(noise == Matrix2(a: 0, b: 0.5, c: -0.5, d: -0.5))
        #expect(noise.eigenvalues[0].re == -0.25 && abs(noise.eigenvalues[0].im - 0.1875.squareRoot()) < 1e-15)
        // R1: λ = (−γ ± √(γ² − 1))/2; the critical γ = 1 between the two drawn.
        #expect(DiracGAN.criticalR1Gamma == 1)
        let (weak, strong) = (DiracGAN.Game.r1Weak.gamma!, DiracGAN.Game.r1Strong.gamma!)
        #expect(weak < DiracGAN.criticalR1Gamma && DiracGAN.Game.r1.gamma == DiracGAN.criticalR1Gamma && strong > DiracGAN.criticalR1Gamma)
        let below = try #require(DiracGAN(game: .r1Weak).jacobianAtEquilibrium).eigenvalues
        #expect(below[0].re == -weak / 2 && abs(below[0].im - (1 - weak * weak).squareRoot() / 2) < 1e-15)
        let at = try #require(DiracGAN(game: .r1).jacobianAtEquilibrium).eigenvalues
        #expect(at[0] == (re: -0.5, im: 0) && at[1] == (re: -0.5, im: 0), "a double eigenvalue")
        let above = try #require(DiracGAN(game: .r1Strong).jacobianAtEquilibrium).eigenvalues
        #expect(above.allSatisfy { $0.im == 0 })
        #expect(abs(above[0].re - (-strong + (strong * strong - 1).squareRoot()) / 2) < 1e-15)
        #expect(abs(above[1].re - (-strong - (strong * strong - 1).squareRoot()) / 2) < 1e-15)
        for game in DiracGAN.Game.allCases where game.gamma != nil || game.noise != nil {
            let l = try #require(DiracGAN(game: game).linearization(stepSize: 0.1))
            #expect(l.eigenvalues.allSatisfy { $0.re < 0 } && l.simultaneousRadius < 1 && l.alternatingRadius < 1, "\(game)")
        }
    }

    @Test("each game's 300 steps of 0.1 from (1, 1) do what docs/dynamics.md says", arguments: DiracGAN.Schedule.allCases)
    func outcomes(schedule: DiracGAN.Schedule) throws {
        let runs = DiracRuns().run().filter { $0.schedule == schedule }
        func run(_ game: DiracGAN.Game) throws -> DiracRuns.Run { try #require(runs.first { $0.game == game }) }
        func end(_ game: DiracGAN.Game) throws -> Double { Self.radius(try run(game).path.last!) }
        let simultaneous = schedule == .simultaneous
        // The rotations: out under simultaneous steps, round under alternating ones.
        for game in [DiracGAN.Game.minimax, .wgan] {
            let radii = try run(game).path.map(Self.radius)
            if simultaneous {
                #expect(zip(radii, radii.dropFirst()).allSatisfy { $1 > $0 }, "\(game): every step moves out")
                guard case .spiralsOut = try run(game).outcome else { Issue.record("\(game)"); continue }
            } else {
                #expect(radii.min()! >= radii[0] * 0.999 && radii.max()! < radii[0] * 1.06, "\(game): round, within 6%")
                guard case .circles = try run(game).outcome else { Issue.record("\(game)"); continue }
            }
        }
        #expect(abs(try end(.minimax) - (simultaneous ? 1.868 : 1.434)) < 0.001)
        #expect(abs(try end(.wgan) - (simultaneous ? 6.291 : 1.485)) < 0.001)
        // Non-saturating: in, not to (0, 0) (the limit cycle of docs/dynamics.md).
        #expect(abs(try end(.nonsat) - (simultaneous ? 0.592 : 0.487)) < 0.001)
        guard case .spiralsIn = try run(.nonsat).outcome else { Issue.record("nonsat"); return }
        // WGAN-GP: stalls at (2, 0), where the critic's gradient θ + 2λ(ψ − 1) vanishes as ψ → 0⁺.
        let stall = try run(.wgangp).path.last!
        #expect(abs(stall.theta - 2) < 1e-3 && stall.psi >= 0 && stall.psi < 1e-3)
        guard case .stalls = try run(.wgangp).outcome else { Issue.record("wgan-gp"); return }
        // The regularized games converge, each as fast as its step's spectral radius ρ says:
        // r₃₀₀ ≈ ρ³⁰⁰ r₀ within a factor 1.5 (R1 at the critical γ has a double eigenvalue, so
        // k ρᵏ, and is only held to being the fastest).
        for game in [DiracGAN.Game.consensus, .instanceNoise, .r1Weak, .r1Strong] {
            let l = try #require(DiracGAN(game: game).linearization(stepSize: 0.1))
            let rho = simultaneous ? l.simultaneousRadius : l.alternatingRadius
            let predicted = pow(rho, 300) * 2.squareRoot(), measured = try end(game)
            #expect(measured / predicted > 1 / 1.5 && measured / predicted < 1.5, "\(game): \(measured) against ρ³⁰⁰r₀ = \(predicted)")
            guard case .converges = try run(game).outcome else { Issue.record("\(game)"); continue }
        }
        // The numbers of docs/dynamics.md's table, to their printed digits.
        let table: [(DiracGAN.Game, Double, Double)] = [(.consensus, 9.53e-4, 6.40e-4), (.instanceNoise, 1.23e-3, 8.27e-4),
                                                        (.r1Weak, 0.0190, 0.0137), (.r1, 1.07e-5, 3.23e-5), (.r1Strong, 0.0889, 0.0907)]
        for (game, s, a) in table {
            let expected = simultaneous ? s : a
            let measured = try end(game)
            #expect(abs(measured / expected - 1) < 0.005, "\(game): \(measured)")
        }
        if !simultaneous {
            #expect(abs(try run(.minimax).path.map(Self.radius).max()! - 1.45) < 0.005)
            #expect(abs(try run(.wgan).path.map(Self.radius).max()! - 1.49) < 0.005)
        }
        let fastest = try end(.r1)
        #expect(fastest < 1e-4)
        for game in [DiracGAN.Game.consensus, .instanceNoise, .r1Weak, .r1Strong] { #expect(try end(game) > 10 * fastest) }
        // Above the critical γ no rotation: the discriminator's ψ changes sign at most once.
        let strong = try run(.r1Strong).path
        #expect(zip(strong, strong.dropFirst()).filter { ($0.psi > 0) != ($1.psi > 0) }.count <= 1)
        // There ψ is where its own gradient vanishes within about ten steps, and stays; near
        // (0, 0) that is ψ = −θ/(2γ).
        let r1Strong = DiracGAN(game: .r1Strong)
        for point in strong[12...] {
            #expect(abs(r1Strong.discriminatorGradient(theta: point.theta, psi: point.psi)) < 0.05 * abs(point.theta))
        }
        #expect(abs(strong.last!.psi + strong.last!.theta / 6) < 0.02 * abs(strong.last!.theta))
        let weak = try run(.r1Weak).path
        #expect(zip(weak, weak.dropFirst()).filter { ($0.psi > 0) != ($1.psi > 0) }.count >= 3, "below it, turns")
    }

    @Test("consensus optimization converges only near (0, 0): from (−2, 2) its steps run off to where the discriminator wins")
    func consensusRunsOff() {
        let path = DiracGAN(game: .consensus).trajectory(from: (-2, 2), steps: 10_000, learningRate: 0.1, schedule: .simultaneous)
        let (a, b) = (path[3000], path[10_000])
        #expect(abs(a.psi - 9.35) < 0.01 && abs(a.psi * a.theta + 4.45) < 0.01, "\(a)")
        #expect(abs(b.psi - 13.41) < 0.01 && b.theta < 0, "\(b)")
        let field = DiracGAN(game: .consensus).field(theta: b.theta, psi: b.psi)
        #expect(hypot(field.dTheta, field.dPsi) < 0.005 && hypot(field.dTheta, field.dPsi) > 0)
    }

    @Test("minimax's simultaneous steps grow the radius by exactly √(1 + h²σ(ψθ)²) each: the field is perpendicular to (θ, ψ)")
    func minimaxGrowth() {
        let path = DiracGAN(game: .minimax).trajectory(from: (1, 1), steps: 300, learningRate: 0.1, schedule: .simultaneous)
        var predicted = Self.radius(path[0])
        for p in path.dropLast() {
            let s = 1 / (1 + exp(-p.psi * p.theta))
            predicted *= (1 + 0.01 * s * s).squareRoot()
        }
        #expect(abs(predicted / Self.radius(path.last!) - 1) < 1e-12)
        #expect(abs(Self.radius(path.last!) - 1.868) < 0.001 && abs(2.squareRoot() * pow(1 + 0.01 / 4, 150) - 2.057) < 0.001)
    }

    @Test("the non-saturating game's simultaneous steps settle on the circle of radius √(2h), where the cubic damping −θ²ψ² meets the steps' growth")
    func limitCycle() {
        for h in [0.1, 0.05] {
            let path = DiracGAN(game: .nonsat).trajectory(from: (1, 1), steps: Int(3000 / h), learningRate: h, schedule: .simultaneous)
            let r = Self.radius(path.last!)
            #expect(abs(r / (2 * h).squareRoot() - 1) < 0.02, "h = \(h): radius \(r)")
        }
        // Alternating steps have no growth to balance: they keep spiralling in, slowly.
        let alternating = DiracGAN(game: .nonsat).trajectory(from: (1, 1), steps: 30_000, learningRate: 0.1, schedule: .alternating)
        #expect(Self.radius(alternating[3000]) > Self.radius(alternating[30_000]) && Self.radius(alternating[30_000]) < 0.06)
        // Minimax has no cubic damping: the same simultaneous steps spiral out.
        let minimax = DiracGAN(game: .minimax).trajectory(from: (1, 1), steps: 3000, learningRate: 0.1, schedule: .simultaneous)
        #expect(Self.radius(minimax.last!) > 2.squareRoot())
    }

    @Test("another weight: R1's eigenvalues (−γ ± √(γ² − 1))/2, consensus's −γ/4 ± i/2; the closed-form J agrees with the field's differences",
          arguments: [0.0, 0.5, 1, 2.5, 10])
    func weights(gamma: Double) throws {
        let r1 = DiracGAN(game: .r1, gamma: gamma)
        let j = try #require(r1.jacobianAtEquilibrium)
        #expect(j == Matrix2(a: 0, b: 0.5, c: -0.5, d: -gamma))
        let root = (gamma * gamma - 1)
        let e = j.eigenvalues
        if root >= 0 {
            #expect(abs(e[0].re - (-gamma + root.squareRoot()) / 2) < 1e-15 && abs(e[1].re - (-gamma - root.squareRoot()) / 2) < 1e-15)
        } else {
            #expect(abs(e[0].re + gamma / 2) < 1e-15 && abs(e[0].im - (-root).squareRoot() / 2) < 1e-15)
        }
        let consensus = try #require(DiracGAN(game: .consensus, gamma: gamma).jacobianAtEquilibrium).eigenvalues
        #expect(abs(consensus[0].re + gamma / 4) < 1e-15 && consensus[0].im == 0.5)
        // The field itself carries the weight: central differences of it give the same J.
        for gan in [r1, DiracGAN(game: .consensus, gamma: gamma)] {
            let d = 1e-5
            let (tp, tm) = (gan.field(theta: d, psi: 0), gan.field(theta: -d, psi: 0))
            let (pp, pm) = (gan.field(theta: 0, psi: d), gan.field(theta: 0, psi: -d))
            let numerical = Matrix2(a: (tp.dTheta - tm.dTheta) / (2 * d), b: (pp.dTheta - pm.dTheta) / (2 * d),
                                    c: (tp.dPsi - tm.dPsi) / (2 * d), d: (pp.dPsi - pm.dPsi) / (2 * d))
            let closed = try #require(gan.jacobianAtEquilibrium)
            for (x, y) in [(closed.a, numerical.a), (closed.b, numerical.b), (closed.c, numerical.c), (closed.d, numerical.d)] {
                #expect(abs(x - y) < 1e-8, "\(gan.title): closed \(closed), numerical \(numerical)")
            }
        }
    }

    @Test("a game's own weight is the default, and names it; a weight the game lacks is ignored")
    func ownWeights() {
        for game in DiracGAN.Game.allCases {
            let own = DiracGAN(game: game)
            #expect(own.gamma == game.gamma && own.lambda == game.lambda && own.noise == game.noise)
            #expect(own.title == game.title)
        }
        #expect(DiracGAN.Game.r1Weak.title == "R1, γ = 0.3" && DiracGAN.Game.wgangp.title == "WGAN-GP, λ = 1")
        #expect(DiracGAN(game: .r1Weak, gamma: 1).trajectory(from: (1, 1), steps: 50, learningRate: 0.1, schedule: .alternating).map(\.psi)
                == DiracGAN(game: .r1).trajectory(from: (1, 1), steps: 50, learningRate: 0.1, schedule: .alternating).map(\.psi))
        #expect(DiracGAN(game: .r1, gamma: 0.25).title == "R1, γ = 0.25")
        #expect(DiracGAN(game: .wgangp, gamma: 5, lambda: 2.5).gamma == nil && DiracGAN(game: .wgangp, lambda: 2.5).title == "WGAN-GP, λ = 2.5")
        #expect(DiracGAN(game: .minimax, gamma: 5, lambda: 5).gamma == nil)
        // WGAN-GP's λ reaches the field: at ψ = 0.5 (inside |ψ| < 1) the penalty pushes ψ out with 2λ(1 − |ψ|).
        let gp = { (lambda: Double) in DiracGAN(game: .wgangp, lambda: lambda).field(theta: 0, psi: 0.5).dPsi }
        #expect(gp(1) == 1 && gp(3) == 3)
    }

    @Test("DiracRuns: its schedules only, its weights in every run")
    func runsWithWeights() {
        let runs = DiracRuns(games: [.r1, .consensus, .wgangp], steps: 40, schedules: [.alternating], gamma: 2, lambda: 4).run()
        #expect(runs.map(\.schedule) == [.alternating, .alternating, .alternating])
        #expect(runs.map(\.game) == [.r1, .consensus, .wgangp])
        for (run, gan) in zip(runs, [DiracGAN(game: .r1, gamma: 2), DiracGAN(game: .consensus, gamma: 2), DiracGAN(game: .wgangp, lambda: 4)]) {
            #expect(run.path.map(\.theta) == gan.trajectory(from: DiracRuns.start, steps: 40, learningRate: 0.1, schedule: .alternating).map(\.theta))
        }
    }
}
