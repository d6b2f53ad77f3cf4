/// Stops the fuzzer with `message` when an invariant does not hold (a crash libFuzzer records).
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
