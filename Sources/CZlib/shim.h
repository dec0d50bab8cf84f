// zlib, for the PNG encoder's deflate stream and CRC-32 (LossPlot/Backends/PNGEncoder.swift).
#include <zlib.h>
