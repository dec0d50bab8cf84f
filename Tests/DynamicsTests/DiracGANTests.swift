import _Differentiation
import Dynamics
import Glibc
import LossMath
import Testing

/// The DiracGAN's losses written out for automatic differentiation, independently of the catalog
/// and of the hand-derived fields: one function per loss (a switch inside a differentiable
/// function has lost terms on Swift 6.3, DESIGN.md §5).
enum DiracLosses {
    @differentiable(reverse) static func softplus(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }
    @differentiable(reverse) static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @differentiable(reverse) static func minimax(_ theta: Double, _ psi: Double) -> Double { -softplus(psi * theta) }  // log(1 − σ(ψθ))
    @differentiable(reverse) static func nonsat(_ theta: Double, _ psi: Double) -> Double { softplus(-psi * theta) }  // −log σ(ψθ)
    @differentiable(reverse) static func critic(_ theta: Double, _ psi: Double) -> Double { -psi * theta }            // WGAN's generator
    @differentiable(reverse) static func bce(_ theta: Double, _ psi: Double) -> Double { softplus(-psi * 0) + softplus(psi * theta) }
    @differentiable(reverse) static func wasserstein(_ theta: Double, _ psi: Double) -> Double { psi * theta - psi * 0 }

    /// ψθ + λ(|ψ| − 1)² with λ = 1, |ψ| written as ψ·sign(ψ) with the sign held constant.
    @differentiable(reverse) static func wganGP(_ theta: Double, _ psi: Double) -> Double {
        let sign: Double = withoutDerivative(at: psi > 0 ? 1 : -1)
        let norm = psi * sign
        return psi * theta + (norm - 1) * (norm - 1)
    }

    /// BCE + (γ/2)|∇ₓD(0)|² = BCE + (γ/2)ψ².
    @differentiable(reverse) static func r1(_ theta: Double, _ psi: Double, _ gamma: Double) -> Double {
        bce(theta, psi) + 0.5 * gamma * psi * psi
    }

    /// γ·½‖v‖² for the minimax field v = (σ(ψθ)ψ, −σ(ψθ)θ), written out: ½γσ(ψθ)²(θ² + ψ²).
    @differentiable(reverse) static func consensus(_ theta: Double, _ psi: Double, _ gamma: Double) -> Double {
        let s = sigmoid(psi * theta)
        return 0.5 * gamma * s * s * (theta * theta + psi * psi)
    }

    /// E[−softplus(ψ(θ + ε))] over the rule's nodes, ε = σz.
    @differentiable(reverse) static func noisyMinimax(_ theta: Double, _ psi: Double, _ sigma: Double) -> Double {
        let rule = withoutDerivative(at: DiracGANTests.rule)
        var sum = 0.0
        for i in withoutDerivative(at: rule.nodes.indices) {
            let (z, p) = (withoutDerivative(at: rule.nodes[i]), withoutDerivative(at: rule.weights[i]))
            sum += p * -softplus(psi * (theta + sigma * z))
        }
        return sum
    }

    /// E[softplus(−ψε₁) + softplus(ψ(θ + ε₂))].
    @differentiable(reverse) static func noisyBCE(_ theta: Double, _ psi: Double, _ sigma: Double) -> Double {
        let rule = withoutDerivative(at: DiracGANTests.rule)
        var sum = 0.0
        for i in withoutDerivative(at: rule.nodes.indices) {
            let (z, p) = (withoutDerivative(at: rule.nodes[i]), withoutDerivative(at: rule.weights[i]))
            sum += p * (softplus(-psi * sigma * z) + softplus(psi * (theta + sigma * z)))
        }
        return sum
    }

    /// ∂L_G/∂θ and ∂L_D/∂ψ of `game` by automatic differentiation.
    static func gradients(_ game: DiracGAN.Game, theta: Double, psi: Double) -> (generator: Double, discriminator: Double) {
        func g(_ f: @differentiable(reverse) (Double) -> Double) -> Double { gradient(at: theta, of: f) }
        func d(_ f: @differentiable(reverse) (Double) -> Double) -> Double { gradient(at: psi, of: f) }
        switch game {
        case .minimax: return (g { minimax($0, psi) }, d { bce(theta, $0) })
        case .nonsat: return (g { nonsat($0, psi) }, d { bce(theta, $0) })
        case .wgan: return (g { critic($0, psi) }, d { wasserstein(theta, $0) })
        case .wgangp: return (g { critic($0, psi) }, d { wganGP(theta, $0) })
        case .r1Weak, .r1, .r1Strong:
            let gamma = game.gamma!
            return (g { nonsat($0, psi) }, d { r1(theta, $0, gamma) })
        case .consensus:
            let gamma = game.gamma!
            return (g { minimax($0, psi) + consensus($0, psi, gamma) }, d { bce(theta, $0) + consensus(theta, $0, gamma) })
        case .instanceNoise:
            let sigma = game.noise!
            return (g { noisyMinimax($0, psi, sigma) }, d { noisyBCE(theta, $0, sigma) })
        }
    }
}

@Suite("DiracGAN")
struct DiracGANTests {
    static let rule = GaussHermite(points: 128)

    @Test("the field matches automatic differentiation of the two losses", arguments: DiracGAN.Game.allCases)
    func fieldMatchesAutodiff(game: DiracGAN.Game) {
        let gan = DiracGAN(game: game)
        for theta in stride(from: -2.0, through: 2.0, by: 0.37) {
            for psi in stride(from: -2.0, through: 2.0, by: 0.41) where psi != 0 {
                let (g, d) = DiracLosses.gradients(game, theta: theta, psi: psi)
                #expect(abs(gan.generatorGradient(theta: theta, psi: psi) - g) <= 1e-12 * max(1, abs(g)), "\(game) ∂θ at (\(theta), \(psi))")
                #expect(abs(gan.discriminatorGradient(theta: theta, psi: psi) - d) <= 1e-12 * max(1, abs(d)), "\(game) ∂ψ at (\(theta), \(psi))")
            }
        }
    }

    @Test("the field matches its closed form near the equilibrium: a rotation v ≈ (ψ/2, −θ/2) for minimax")
    func closedForm() {
        let gan = DiracGAN(game: .minimax)
        for (t, p) in [(0.01, 0.02), (-0.003, 0.004)] {
            let v = gan.field(theta: t, psi: p)
            // −∂θ(−softplus(ψθ)) = σ(ψθ)ψ ≈ ψ/2; −∂ψ(softplus(ψθ)) = −σ(ψθ)θ ≈ −θ/2.
            #expect(abs(v.dTheta - p / 2) < 1e-4 && abs(v.dPsi + t / 2) < 1e-4)
        }
        #expect(DiracGAN(game: .wgan).field(theta: 0.3, psi: -0.7) == (dTheta: -0.7, dPsi: -0.3))
    }

    @Test("every game has (0, 0) as a fixed point: the field vanishes there")
    func equilibrium() {
        for game in DiracGAN.Game.allCases {
            let v = DiracGAN(game: game).field(theta: 0, psi: 0)
            #expect(abs(v.dTheta) < 1e-15 && abs(v.dPsi) < 1e-15, "\(game): \(v)")
        }
    }

    static func radius(_ p: (theta: Double, psi: Double)) -> Double { (p.theta * p.theta + p.psi * p.psi).squareRoot() }

    @Test("simultaneous steps spiral out, alternating steps stay on a bounded orbit, R1 converges")
    func behaviour() {
        let start = (theta: 1.0, psi: 1.0)
        for game in [DiracGAN.Game.minimax, .wgan] {
            let gan = DiracGAN(game: game)
            let simultaneous = gan.trajectory(from: start, steps: 300, learningRate: 0.1, schedule: .simultaneous)
            let alternating = gan.trajectory(from: start, steps: 300, learningRate: 0.1, schedule: .alternating)
            #expect(Self.radius(simultaneous.last!) > Self.radius(start) * 1.1, "\(game) simultaneous moves out")
            let radii = alternating.map(Self.radius)
            #expect(radii.max()! < 1.1 * Self.radius(start) && radii.min()! > 0.5, "\(game) alternating circles")
        }
        let r1 = DiracGAN(game: .r1).trajectory(from: start, steps: 2000, learningRate: 0.1, schedule: .simultaneous)
        #expect(Self.radius(r1.last!) < 1e-3)
    }
}

@Suite("Gauss–Hermite quadrature")
struct GaussHermiteTests {
    @Test("the 128-point rule: weights sum to 1, the nodes are symmetric, the moments E[Z²ᵏ] = (2k − 1)!! exact up to degree 40")
    func moments() {
        let rule = GaussHermite(points: 128)
        #expect(rule.nodes.count == 128 && zip(rule.nodes, rule.nodes.dropFirst()).allSatisfy { $0 < $1 })
        for i in rule.nodes.indices {
            #expect(rule.nodes[i] == -rule.nodes[127 - i] && rule.weights[i] == rule.weights[127 - i])
        }
        #expect(abs(rule.weights.reduce(0, +) - 1) < 1e-14)
        var doubleFactorial = 1.0
        for k in 1...20 {
            doubleFactorial *= Double(2 * k - 1)
            let moment = rule.expectation { pow($0, Double(2 * k)) }
            #expect(abs(moment / doubleFactorial - 1) < 1e-11, "E[Z^\(2 * k)] = \(moment), not \(doubleFactorial)")
            #expect(abs(rule.expectation { pow($0, Double(2 * k - 1)) }) < 1e-9 * doubleFactorial)
        }
        // Odd n: a node at 0; small n against the textbook nodes (n = 3: 0, ±√3; weights 2/3, 1/6).
        let three = GaussHermite(points: 3)
        #expect(three.nodes[1] == 0 && abs(three.nodes[2] - 3.squareRoot()) < 1e-14)
        #expect(abs(three.weights[1] - 2.0 / 3) < 1e-14 && abs(three.weights[0] - 1.0 / 6) < 1e-14)
    }

    @Test("the instance-noise expectations agree with a fine trapezoid rule (step 0.005 over ±12σ) to 1e−12; 64 points do not")
    func againstTrapezoid() {
        let rule = GaussHermite(points: 128), coarse = GaussHermite(points: 64)
        func trapezoid(_ g: (Double) -> Double) -> Double {
            let h = 0.005
            var sum = 0.0
            for k in -2400...2400 {
                let z = Double(k) * h
                sum += g(z) * exp(-z * z / 2)
            }
            return sum * h / (2 * Double.pi).squareRoot()
        }
        for psi in [-2.2, -0.7, 0.3, 1.5, 2.2] {
            for theta in [-2.0, 0.0, 0.9, 2.0] {
                let fake: (Double) -> Double = { z in Double.sigmoid(psi * (theta + z)) * (theta + z) }
                let real: (Double) -> Double = { z in -Double.sigmoid(-psi * z) * z }
                for g in [fake, real] {
                    let (a, b) = (rule.expectation(g), trapezoid(g))
                    #expect(abs(a - b) < 1e-12, "ψ = \(psi), θ = \(theta): \(a) against \(b)")
                }
            }
        }
        let g: (Double) -> Double = { z in Double.sigmoid(2.2 * z) * z }
        #expect(abs(coarse.expectation(g) - trapezoid(g)) > 1e-10, "64 points: the poles at ±iπ/2.2 are too close")
    }
}
