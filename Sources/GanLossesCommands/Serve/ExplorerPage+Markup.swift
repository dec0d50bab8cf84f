extension ExplorerPage {
    /// The page's HTML: the four views (losses, DiracGAN, distances, training), each a form of labelled controls beside
    /// the figure, its values, its command line and its downloads.
    static let markup = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gan-losses explorer</title>
<link rel="icon" href="data:,">
<style>/*STYLE*/</style>
</head>
<body data-busy="0">
<header>
  <h1>gan-losses <span>explorer</span></h1>
  <nav role="tablist" aria-label="Views">
    <button role="tab" id="tab-losses" aria-controls="losses" data-view="losses">Losses</button>
    <button role="tab" id="tab-dirac" aria-controls="dirac" data-view="dirac">DiracGAN</button>
    <button role="tab" id="tab-distances" aria-controls="distances" data-view="distances">Distances</button>
    <button role="tab" id="tab-training" aria-controls="training" data-view="training">Training</button>
  </nav>
  <button id="copy-link" type="button" title="Copy a link to this exact view">Copy link</button>
</header>

<main>
<section id="losses" role="tabpanel" aria-labelledby="tab-losses">
  <form class="controls" id="losses-form" aria-label="Losses view controls">
    <fieldset>
      <legend>Player</legend>
      <label><input type="radio" name="player" value="g"> generator L<sub>G</sub></label>
      <label><input type="radio" name="player" value="d"> discriminator L<sub>D</sub>, each half</label>
    </fieldset>
    <fieldset>
      <legend>Losses</legend>
      <div id="loss-list" class="checks"></div>
    </fieldset>
    <fieldset>
      <legend>Axes</legend>
      <label for="x">x axis</label>
      <select id="x" name="x">
        <option value="logit">logit ℓ</option>
        <option value="d">D(G(z)) = σ(ℓ)</option>
        <option value="log-d">D on a log axis</option>
        <option value="logit-d">D on a logit axis</option>
      </select>
      <label for="y">quantity</label>
      <select id="y" name="y">
        <option value="loss">L</option>
        <option value="grad">∂L/∂ℓ</option>
        <option value="grad-d">∂L/∂D</option>
        <option value="loggrad">log |∂L/∂ℓ|</option>
        <option value="both">L and ∂L/∂ℓ</option>
      </select>
    </fieldset>
    <fieldset>
      <legend>Parameters</legend>
      <label for="real-logit">real logit ℓ<sub>r</sub> <output for="real-logit"></output></label>
      <input type="range" id="real-logit" name="real-logit" min="-5" max="5" step="0.1">
      <small id="real-logit-note">for the relativistic generators</small>
      <label for="ls-target">least-squares target c <output for="ls-target"></output></label>
      <input type="range" id="ls-target" name="ls-target" min="-1" max="2" step="0.05">
      <small id="ls-target-note">for lsgan's generator, ½(ℓ − c)²</small>
      <label for="smoothing">real label t <output for="smoothing"></output></label>
      <input type="range" id="smoothing" name="smoothing" min="0.5" max="1" step="0.01">
      <small id="smoothing-note">label smoothing of the BCE discriminator</small>
    </fieldset>
    <fieldset>
      <legend>Probe</legend>
      <label for="probe">ℓ <output for="probe"></output></label>
      <input type="range" id="probe" name="probe" min="-40" max="40" step="0.5">
      <label for="mark">on the figure</label>
      <select id="mark" name="mark">
        <option value="on">marked: a dot on each curve</option>
        <option value="off">not marked</option>
      </select>
      <small id="mark-note">where the probe lies on the x axis</small>
      <label for="precision">arithmetic</label>
      <select id="precision" name="precision">
        <option value="double">Double (binary64)</option>
        <option value="float">Float (binary32)</option>
      </select>
      <label for="form">formula</label>
      <select id="form" name="form">
        <option value="stable">stable, from the logit</option>
        <option value="naive">also the textbook log σ (minimax, nonsat)</option>
      </select>
    </fieldset>
    <fieldset>
      <legend>Figure</legend>
      <label for="size">size</label>
      <select id="size" name="size">
        <option value="page">page, 6.4 × 4.8 in</option>
        <option value="column">journal column, 3.3 × 2.5 in</option>
        <option value="slides">4:3 slide</option>
        <option value="slides-wide">16:9 slide</option>
      </select>
      <label for="font">font</label>
      <select id="font" name="font">
        <option value="sans">sans (DejaVu Sans)</option>
        <option value="serif">serif (Latin Modern)</option>
      </select>
    </fieldset>
  </form>
  <div class="result">
    <figure>
      <img id="losses-figure" alt="">
      <figcaption id="losses-caption"></figcaption>
    </figure>
    <p class="error" id="losses-error" role="alert"></p>
    <div class="values" aria-live="polite">
      <table id="probe-table"><caption id="probe-title"></caption><thead></thead><tbody></tbody></table>
    </div>
    <div class="command">
      <p>The same figure from the command line:</p>
      <code id="losses-command"></code>
      <p>The values at the probe: <code id="losses-eval"></code></p>
      <p class="export">Download: <a id="losses-png" download>PNG</a> <a id="losses-svg" download>SVG</a> <a id="losses-pdf" download>PDF</a></p>
    </div>
  </div>
</section>

<section id="dirac" role="tabpanel" aria-labelledby="tab-dirac" hidden>
  <form class="controls" id="dirac-form" aria-label="DiracGAN view controls">
    <fieldset>
      <legend>Games</legend>
      <div id="game-list" class="checks"></div>
    </fieldset>
    <fieldset>
      <legend>Gradient steps from (θ, ψ) = (1, 1)</legend>
      <label for="lr">step size h <output for="lr"></output></label>
      <input type="range" id="lr" name="lr" min="0.01" max="1" step="0.01">
      <label for="steps">steps <output for="steps"></output></label>
      <input type="range" id="steps" name="steps" min="10" max="2000" step="10">
      <label for="schedule">schedule</label>
      <select id="schedule" name="schedule">
        <option value="both">both</option>
        <option value="simultaneous">simultaneous</option>
        <option value="alternating">alternating</option>
      </select>
      <small>simultaneous: both players step from the same point; alternating: the discriminator steps from the generator's new position</small>
    </fieldset>
    <fieldset>
      <legend>Regularizers</legend>
      <label for="gamma">γ of R1 and consensus <output for="gamma"></output></label>
      <input type="range" id="gamma" name="gamma" min="0" max="5" step="0.05">
      <button type="button" id="gamma-reset">each game's own γ</button>
      <small id="gamma-note">R1 adds (γ/2)ψ² to L<sub>D</sub>; with one of r1-weak, r1, r1-strong</small>
      <label for="lambda">penalty λ of WGAN-GP <output for="lambda"></output></label>
      <input type="range" id="lambda" name="lambda" min="0" max="10" step="0.1">
      <small id="lambda-note">λ(|ψ| − 1)², the gradient penalty on the critic</small>
    </fieldset>
  </form>
  <div class="result">
    <figure>
      <img id="dirac-figure" alt="">
      <figcaption id="dirac-caption"></figcaption>
    </figure>
    <p class="error" id="dirac-error" role="alert"></p>
    <div class="values" aria-live="polite">
      <table id="eigen-table"><caption>At the equilibrium (0, 0): the Jacobian's eigenvalues and the spectral radius of one step of size h (&gt; 1 spirals out, 1 circles, &lt; 1 converges)</caption><thead></thead><tbody></tbody></table>
    </div>
    <div class="command">
      <p>The same figure from the command line:</p>
      <code id="dirac-command"></code>
      <p>The eigenvalues: <code id="dirac-eigen"></code></p>
      <p class="export">Download: <a id="dirac-png" download>PNG</a> <a id="dirac-svg" download>SVG</a> <a id="dirac-pdf" download>PDF</a></p>
    </div>
  </div>
</section>

<section id="distances" role="tabpanel" aria-labelledby="tab-distances" hidden>
  <form class="controls" id="distances-form" aria-label="Distances view controls">
    <fieldset>
      <legend>Two parallel lines</legend>
      <p>P<sub>0</sub> is uniform on {0} × [0, 1], P<sub>θ</sub> on {θ} × [0, 1] (the WGAN paper's Example 1).</p>
      <label for="theta">θ <output for="theta"></output></label>
      <input type="range" id="theta" name="theta" min="-1" max="1" step="0.05">
    </fieldset>
  </form>
  <div class="result">
    <figure>
      <img id="distances-figure" alt="">
      <figcaption id="distances-caption"></figcaption>
    </figure>
    <p class="error" id="distances-error" role="alert"></p>
    <div class="values" aria-live="polite">
      <table id="distances-table"><caption>The distances at θ and their derivatives in θ (none at θ = 0, where W has a kink and the others jump)</caption><thead></thead><tbody></tbody></table>
    </div>
    <div class="command">
      <p>The same figure from the command line:</p>
      <code id="distances-command"></code>
      <p>The values: <code id="distances-values"></code></p>
      <p class="export">Download: <a id="distances-png" download>PNG</a> <a id="distances-svg" download>SVG</a> <a id="distances-pdf" download>PDF</a></p>
    </div>
  </div>
</section>
<section id="training" role="tabpanel" aria-labelledby="tab-training" hidden>
  <form class="controls" id="training-form" aria-label="Training view controls">
    <fieldset>
      <legend>Objectives</legend>
      <div id="objective-list" class="checks"></div>
      <small>the same ReLU networks and Adam rates for each; WGAN-GP with λ = 0.1 and five critic steps, R1 with γ = 1</small>
    </fieldset>
    <fieldset>
      <legend>Data and recipe</legend>
      <label for="data">data</label>
      <select id="data" name="data">
        <option value="ring">8 Gaussians on a ring, σ = 0.02</option>
        <option value="grid">25 Gaussians on a grid, σ = 0.05</option>
      </select>
      <label for="rates">learning rates</label>
      <select id="rates" name="rates">
        <option value="shared">shared: Adam 10⁻³ for both</option>
        <option value="metz">Metz et al.: 10⁻⁴ for D, 10⁻³ for G</option>
      </select>
      <label for="ring-steps">steps <output for="ring-steps"></output></label>
      <input type="range" id="ring-steps" name="ring-steps" min="300" max="6000" step="300">
      <label for="seed">seed</label>
      <input type="number" id="seed" name="seed" min="1" max="999999" step="1">
    </fieldset>
    <fieldset>
      <legend>Training</legend>
      <p id="training-status" role="status"></p>
      <div class="buttons">
        <button type="button" id="train-pause">Pause</button>
        <button type="button" id="train-step">Step</button>
        <button type="button" id="train-again">Train again</button>
      </div>
    </fieldset>
  </form>
  <div class="result">
    <figure>
      <img id="training-figure" alt="">
      <figcaption id="training-caption"></figcaption>
    </figure>
    <p class="error" id="training-error" role="alert"></p>
    <div class="values">
      <table id="training-table"><caption>On 2500 samples of the generator: a mode is covered when at least 1% of them lie within 3σ of it</caption><thead></thead><tbody></tbody></table>
    </div>
    <div class="command">
      <p>The same run from the command line, and its figure at the end:</p>
      <code id="training-command"></code>
      <p class="export">Download the figure at the end: <a id="training-png" download>PNG</a> <a id="training-svg" download>SVG</a> <a id="training-pdf" download>PDF</a></p>
    </div>
  </div>
</section>
</main>
<footer><p>Every figure and value here is made by <code>gan-losses</code> itself; the address bar holds the whole view.</p></footer>
<script>
const CATALOG = /*CATALOG*/;
/*SCRIPT*/
</script>
</body>
</html>
"""#
}
