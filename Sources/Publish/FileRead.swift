#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads into `buffer` the bytes of the file open at `descriptor` from `offset`, until the buffer is full or the
/// file ends; returns how many bytes were read, or `nil` (with `errno` set) when the file cannot be read.
func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
    var done = 0
    while done < buffer.count {
        let count = pread(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(offset + done))
        if count < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if count == 0 { break }
        done += count
    }
    return done
}
