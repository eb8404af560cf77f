package sharedkey

// Run exposes the analyzer's run function, for tests that call it with a
// pass the way other drivers build one.
var Run = run
