import _Differentiation
import Dynamics
import Glibc
import LossMath
import Testing

/// The DiracGAN's losses written out for automatic differentiation, independently of the catalog.
enum DiracLosses {
    @differentiable(reverse) static func softplus(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }

    /// (generator loss, discriminator loss) as functions of (θ, ψ).
    @differentiable(reverse) static func generator(_ theta: Double, _ psi: Double, _ game: Int) -> Double {
        switch game {
        case 0: return -softplus(psi * theta)                  // minimax: log(1 − σ(ψθ))
        case 1, 4: return softplus(-psi * theta)               // non-saturating: −log σ(ψθ)
        default: return -psi * theta                          // WGAN, WGAN-GP
        }
    }

    @differentiable(reverse) static func discriminator(_ theta: Double, _ psi: Double, _ game: Int) -> Double {
        let bce = softplus(-psi * 0) + softplus(psi * theta)
        switch game {
        case 0, 1: return bce
        case 4: return bce + 0.5 * psi * psi                   // R1, γ = 1: (γ/2)|∇ₓD(0)|² = ψ²/2
        case 2: return psi * theta - psi * 0                   // WGAN
        default: return wganGP(theta, psi)
        }
    }

    /// ψθ + λ(|ψ| − 1)² with λ = 1, |ψ| written as ψ·sign(ψ) with the sign held constant.
    /// (Written with `psi > 0 ? psi : -psi` inside the switch above, Swift 6.3's autodiff
    /// returned a gradient without the ψθ term for 0 < ψ < 1: a compiler bug, kept out of the way.)
    @differentiable(reverse) static func wganGP(_ theta: Double, _ psi: Double) -> Double {
        let sign: Double = withoutDerivative(at: psi > 0 ? 1 : -1)
        let norm = psi * sign
        return psi * theta + (norm - 1) * (norm - 1)
    }
}

@Suite("DiracGAN")
struct DiracGANTests {
    @Test("the field matches automatic differentiation of the two losses", arguments: DiracGAN.Game.allCases.indices)
    func fieldMatchesAutodiff(index: Int) {
        let game = DiracGAN.Game.allCases[index]
        let gan = DiracGAN(game: game)
        for theta in stride(from: -2.0, through: 2.0, by: 0.37) {
            for psi in stride(from: -2.0, through: 2.0, by: 0.41) where psi != 0 {
                let g = gradient(at: theta) { t in DiracLosses.generator(t, psi, index) }
                let d = gradient(at: psi) { p in DiracLosses.discriminator(theta, p, index) }
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

@Suite("DiracGAN near its equilibrium")
struct DiracLinearizationTests {
    static func radius(_ p: (theta: Double, psi: Double)) -> Double { (p.theta * p.theta + p.psi * p.psi).squareRoot() }

    @Test("J = [[0, ½], [−½, 0]] for minimax and non-saturating: eigenvalues ±i/2, a simultaneous step's radius √(1 + h²/4)")
    func rotation() throws {
        for game in [DiracGAN.Game.minimax, .nonsat] {
            let l = try #require(DiracGAN(game: game).linearization(stepSize: 0.1))
            #expect(abs(l.jacobian.a) < 1e-9 && abs(l.jacobian.b - 0.5) < 1e-9 && abs(l.jacobian.c + 0.5) < 1e-9 && abs(l.jacobian.d) < 1e-9)
            #expect(abs(l.eigenvalues[0].re) < 1e-9 && abs(l.eigenvalues[0].im - 0.5) < 1e-9)
            #expect(abs(l.simultaneousRadius - (1 + 0.01 / 4).squareRoot()) < 1e-9)
            #expect(abs(l.alternatingRadius - 1) < 1e-9)
        }
        let wgan = try #require(DiracGAN(game: .wgan).linearization(stepSize: 0.1))
        #expect(abs(wgan.eigenvalues[0].im - 1) < 1e-9)
        let r1 = try #require(DiracGAN(game: .r1).linearization(stepSize: 0.1))
        #expect(r1.eigenvalues.allSatisfy { $0.re < 0 } && r1.simultaneousRadius < 1 && r1.alternatingRadius < 1)
        #expect(DiracGAN(game: .wgangp).linearization(stepSize: 0.1) == nil)
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
}
