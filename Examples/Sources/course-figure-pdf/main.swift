// A figure of the course set, rendered to PDF: the generator's gradient in D-space.
import LossFigures
import LossPlotCairo

let figure = try CourseFigure.gradientVsD.figure()
try FigureExporter().write(figure, to: "gradient-vs-d.pdf")
print("gradient-vs-d.pdf: \(CourseFigure.gradientVsD.summary)")
