// An expected-error input: its first RUN line starts with `not`, so the stability check skips it.
// RUN: not dlc-opt %s
func.func @f(
