#if canImport(Glibc)
import Glibc
#endif

/// How the process's memory allocator is set up before any work.
enum Allocator {
    /// Gives large blocks pages of their own and returns the heap's free top early, so that a long build's
    /// resident size follows what it holds rather than what it once held.
    ///
    /// glibc raises both thresholds as large blocks come and go (a page of HTML, a batch of records), after which
    /// they are carved from the heap and their pages stay resident among the small blocks a build keeps.
    static func configure() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; its parameters are glibc's ABI.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1
        let mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 64 * 1024)
        _ = mallopt(trimThreshold, 128 * 1024)
        #endif
    }
}
