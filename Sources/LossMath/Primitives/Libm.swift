// The C math library, re-exported for the files of this module: `exp`, `log`, `log1p`, `fma`
// for Double and Float. Glibc's versions carry derivative registrations for `_Differentiation`.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
