// The parts of cairo that LossPlot uses: image (PNG), SVG and PDF surfaces and the toy text API.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
