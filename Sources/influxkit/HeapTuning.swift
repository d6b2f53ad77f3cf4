/// How the process's heap gives memory back to the kernel.
enum HeapTuning {
    /// Makes glibc keep up to 32 MiB of freed memory at the top of the heap instead of
    /// returning it to the kernel as soon as 128 KiB are free.
    ///
    /// A streamed query frees the rows of each chunk (a few MiB) just before the next chunk
    /// allocates as much again, so the same pages went back to the kernel and were faulted in
    /// anew for every chunk: 74,000 page faults and a quarter of the client's CPU time for a
    /// million rows. Keeping them costs no peak memory, since the next chunk reuses them.
    ///
    /// `mallopt` is not visible from Swift; glibc's documented dynamic thresholds do the same:
    /// freeing a block it had to map separately (16 MiB here) raises the mapping threshold to
    /// that size and the trim threshold to twice it.
    static func keepFreedMemory() {
        let block = UnsafeMutableRawPointer.allocate(byteCount: 16 << 20, alignment: 16)
        block.deallocate()
    }
}
