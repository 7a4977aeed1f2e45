import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark parse, handed out from large blocks and given back all at once when the tree has been
/// copied, instead of one `malloc` and one `free` for each node and buffer.
///
/// cmark's allocator hooks take no context, so the arena in use is found through a thread-specific value, set only
/// while ``withArena(_:)`` runs (a parse never leaves its thread).
final class CmarkArena {
    /// The blocks handed out from, freed with the arena.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// The free space of the current block.
    private var next: UnsafeMutableRawPointer?
    private var remaining = 0
    /// Where the last allocation starts, so that growing it can be done in place.
    private var last: UnsafeMutableRawPointer?

    /// The size of a block; larger requests get a block of their own.
    private static let blockSize = 1 << 16
    /// Each allocation starts with its size, in a header that keeps the allocation 16-byte aligned.
    private static let header = 16

    deinit {
        for block in blocks { free(block) }
    }

    /// `size` bytes, 16-byte aligned, zeroed when `zeroed`.
    ///
    /// (Zeroed one allocation at a time rather than a block at a time: most of a block is often never used, and
    /// `calloc` clears large blocks a byte an instruction.)
    func allocate(_ size: Int, zeroed: Bool = true) -> UnsafeMutableRawPointer {
        let pointer = place(size)
        if zeroed { memset(pointer, 0, size) }
        return pointer
    }

    /// Room for `size` bytes after a header holding `size`.
    private func place(_ size: Int) -> UnsafeMutableRawPointer {
        let total = (size + Self.header + 15) & ~15
        if total > remaining {
            if total > Self.blockSize / 4 {
                // Alone in a block of its own; the current block stays current.
                let block = newBlock(total)
                block.storeBytes(of: size, as: Int.self)
                return block + Self.header
            }
            next = newBlock(Self.blockSize)
            remaining = Self.blockSize
        }
        guard let start = next else { preconditionFailure("cmark arena without a block") }
        start.storeBytes(of: size, as: Int.self)
        next = start + total
        remaining -= total
        last = start
        return start + Self.header
    }

    /// `pointer`'s allocation grown or shrunk to `size` bytes, its content kept, as `realloc` does.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let start = pointer - Self.header
        let old = start.load(as: Int.self)
        if size <= old { return pointer }
        let grownTotal = (size + Self.header + 15) & ~15
        let oldTotal = (old + Self.header + 15) & ~15
        if start == last, grownTotal - oldTotal <= remaining {
            // The last allocation grows into the free space after it.
            start.storeBytes(of: size, as: Int.self)
            next = start + grownTotal
            remaining -= grownTotal - oldTotal
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    private func newBlock(_ size: Int) -> UnsafeMutableRawPointer {
        guard let block = malloc(size) else { preconditionFailure("out of memory for cmark (\(size) bytes)") }
        blocks.append(block)
        return block
    }

    /// Runs `body` with cmark allocator hooks that hand out from a new arena on this thread, then frees everything
    /// at once.
    static func withArena<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) throws -> Result) rethrows -> Result {
        let arena = CmarkArena()
        let previous = pthread_getspecific(arenaKey)
        pthread_setspecific(arenaKey, Unmanaged.passUnretained(arena).toOpaque())
        defer {
            pthread_setspecific(arenaKey, previous)
            withExtendedLifetime(arena) {}
        }
        return try body(arenaMemory)
    }

    /// The arena of this thread; only called by cmark while ``withArena(_:)`` runs.
    fileprivate static var current: CmarkArena {
        guard let arena = pthread_getspecific(arenaKey) else { preconditionFailure("cmark allocated outside an arena") }
        return Unmanaged<CmarkArena>.fromOpaque(arena).takeUnretainedValue()
    }
}

/// The thread-specific slot of the arena in use.
private let arenaKey: pthread_key_t = {
    var key = pthread_key_t()
    guard pthread_key_create(&key, nil) == 0 else { preconditionFailure("pthread_key_create failed") }
    return key
}()

/// cmark's allocator hooks over the arena of the thread; cmark keeps this address in every node, so it never moves.
/// (Written once, then only read.)
nonisolated(unsafe) private let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
    let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    memory.initialize(
        to: cmark_mem(
            calloc: { count, size in CmarkArena.current.allocate(count * size) },
            realloc: { pointer, size in CmarkArena.current.reallocate(pointer, size) },
            free: { _ in }
        )
    )
    return memory
}()
