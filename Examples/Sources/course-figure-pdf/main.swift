// Figures of the course, rendered to PDF: the generator's gradient in D-space, and the WGAN
// paper's parallel lines at θ = 0.4 (the figure of `gan-losses distances` and the explorer).
import LossFigures
import LossPlotCairo

let figure = try CourseFigure.gradientVsD.figure()
try FigureExporter().write(figure, to: "gradient-vs-d.pdf")
print("gradient-vs-d.pdf: \(CourseFigure.gradientVsD.summary)")

try FigureExporter().write(ParallelLinesFigure.figure(theta: 0.4, theme: .paper), to: "parallel-lines.pdf")
print("parallel-lines.pdf: W = 0.4, while JS = log 2 and TV = 1 give no gradient in θ")
