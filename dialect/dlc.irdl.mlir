// The dlc dialect, in IRDL. Loaded at start-up by dialect/dialect_load.c (embedded into the binaries).
// IRDL checks op names, operand/result counts and required attribute kinds; shapes, dtypes and
// optional attributes are checked by the C verifier (dialect/verify_*.c), which IRDL cannot express.
// Each operand/result slot has its own constraint value: IRDL unifies uses of one constraint value,
// so sharing %t between two operands would force them to have the same type. For the same reason every
// element of a variadic operand must have one type: the only variadics are the runtime dims of reshape,
// fill and expand (all rank-0 tensor<i64>); concat is binary, and a fusion group is a private
// func.func carrying a `dlc.fusion` attribute (see dialect/verify_fusion.c).
irdl.dialect @dlc {
  // max(x, 0)
  irdl.operation @relu {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // Gaussian error linear unit; approximate = "none" | "tanh"
  irdl.operation @gelu {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // x * sigmoid(x)
  irdl.operation @silu {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // 1 / (1 + exp(-x))
  irdl.operation @sigmoid {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // hyperbolic tangent
  irdl.operation @tanh {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // e^x
  irdl.operation @exp {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // natural logarithm
  irdl.operation @log {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // square root
  irdl.operation @sqrt {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // 1 / sqrt(x)
  irdl.operation @rsqrt {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // error function
  irdl.operation @erf {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // -x
  irdl.operation @neg {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // |x|
  irdl.operation @abs {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // 1 / x
  irdl.operation @reciprocal {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // largest integer <= x
  irdl.operation @floor {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // smallest integer >= x
  irdl.operation @ceil {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // nearest integer, halves to even
  irdl.operation @round {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // -1, 0 or 1 by the sign of x
  irdl.operation @sign {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // sine
  irdl.operation @sin {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // cosine
  irdl.operation @cos {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // logical not (i1)
  irdl.operation @not {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // log(1 + exp(x))
  irdl.operation @softplus {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // a + b, numpy broadcasting
  irdl.operation @add {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a - b, numpy broadcasting
  irdl.operation @sub {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a * b, numpy broadcasting
  irdl.operation @mul {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a / b, numpy broadcasting
  irdl.operation @div {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a ^ b, numpy broadcasting
  irdl.operation @pow {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // max(a, b), numpy broadcasting
  irdl.operation @max {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // min(a, b), numpy broadcasting
  irdl.operation @min {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a and b (i1), numpy broadcasting
  irdl.operation @and {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a or b (i1), numpy broadcasting
  irdl.operation @or {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a xor b (i1), numpy broadcasting
  irdl.operation @xor {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // remainder, numpy broadcasting; optional fmod (bool): false = sign of the divisor, true = C fmod
  irdl.operation @mod {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a == b, numpy broadcasting, i1 result
  irdl.operation @equal {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a < b, numpy broadcasting, i1 result
  irdl.operation @less {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a <= b, numpy broadcasting, i1 result
  irdl.operation @less_equal {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a > b, numpy broadcasting, i1 result
  irdl.operation @greater {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // a >= b, numpy broadcasting, i1 result
  irdl.operation @greater_equal {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // batched matmul, broadcast batch dims; optional transpose_a/transpose_b (bool)
  irdl.operation @matmul {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
  }
  // NCHW x OIHW convolution; optional strides, pads (top,left,bottom,right), dilations, groups
  irdl.operation @conv2d {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %o2 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0, filter: %o1, bias: optional %o2)
    irdl.results(result: %r0)
  }
  // NCHW max pooling; kernel, optional strides, pads
  irdl.operation @max_pool2d {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"kernel" = %a0}
  }
  // NCHW average pooling; kernel, optional strides, pads, count_include_pad
  irdl.operation @avg_pool2d {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"kernel" = %a0}
  }
  // softmax along axis (default -1)
  irdl.operation @softmax {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // log-softmax along axis (default -1)
  irdl.operation @log_softmax {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // normalize over dims [axis, rank) (default -1); epsilon (default 1e-5)
  irdl.operation @layer_norm {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %o2 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0, scale: %o1, bias: %o2)
    irdl.results(result: %r0)
  }
  // reduce sum|mean|max|min|prod over axes; optional keepdims
  irdl.operation @reduce {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.string"
    %a1 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"kind" = %a0, "axes" = %a1}
  }
  // permute dimensions
  irdl.operation @transpose {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"perm" = %a0}
  }
  // reshape to the result type; dims: one rank-0 tensor<i64> per dynamic result dim, or none and at
  // most one dynamic result dim, inferred from the element count
  irdl.operation @reshape {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0, dims: variadic %o1)
    irdl.results(result: %r0)
  }
  // concatenate lhs and rhs along axis; n-ary concatenation is a chain (IRDL variadics must share one type)
  irdl.operation @concat {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.integer"
    irdl.operands(lhs: %o0, rhs: %o1)
    irdl.results(result: %r0)
    irdl.attributes {"axis" = %a0}
  }
  // strided slice of every dim; starts/ends clamp like ONNX; optional steps (> 0)
  irdl.operation @slice {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    %a1 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"starts" = %a0, "ends" = %a1}
  }
  // numpy take along axis (default 0); negative indices wrap
  irdl.operation @gather {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(data: %o0, indices: %o1)
    irdl.results(result: %r0)
  }
  // convert to the result element type
  irdl.operation @cast {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // condition ? lhs : rhs, numpy broadcasting
  irdl.operation @where {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %o2 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(condition: %o0, lhs: %o1, rhs: %o2)
    irdl.results(result: %r0)
  }
  // the runtime size of dim `axis` (negative counts from the end), as a rank-0 tensor<i64>
  irdl.operation @dim {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.integer"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"axis" = %a0}
  }
  // the declared type filled with the one-element `value`; dims: one rank-0 tensor<i64> per dynamic dim
  irdl.operation @fill {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.any
    irdl.operands(dims: variadic %o0)
    irdl.results(result: %r0)
    irdl.attributes {"value" = %a0}
  }
  // start + i * delta for i < max(ceil((limit - start) / delta), 0); rank-0 operands of one type
  irdl.operation @range {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %o2 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(start: %o0, limit: %o1, delta: %o2)
    irdl.results(result: %r0)
  }
  // numpy-broadcast the input to the declared type; dims: one rank-0 tensor<i64> per dynamic result dim
  irdl.operation @expand {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0, dims: variadic %o1)
    irdl.results(result: %r0)
  }
  // repeat the input along each dim (one repeat >= 0 per dim)
  irdl.operation @tile {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"repeats" = %a0}
  }
  // pad by pads (begins, then ends; negative crops); optional mode = "constant" | "reflect" | "edge", value
  irdl.operation @pad {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.dense_array"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"pads" = %a0}
  }
  // keep the upper or lower triangle of the last two dims; optional upper (default true), k (default 0);
  // the optional operand k (a rank-0 tensor<i64>) is a runtime diagonal used instead of the k attribute
  irdl.operation @trilu {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0, k: optional %o1)
    irdl.results(result: %r0)
  }
  // i64 index of the largest element along axis; optional axis (0), keepdims (true), select_last_index (false)
  irdl.operation @argmax {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // i64 index of the smallest element along axis; optional axis (0), keepdims (true), select_last_index (false)
  irdl.operation @argmin {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
  }
  // ONNX GatherElements: result[i] = data[i with i[axis] = indices[i]]; optional axis (0); negative indices wrap
  irdl.operation @gather_elements {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(data: %o0, indices: %o1)
    irdl.results(result: %r0)
  }
  // ONNX ScatterElements: data with updates written at indices along axis (0); optional
  // reduction = "none" | "add" | "mul" | "max" | "min"; negative indices wrap; later updates win for "none"
  irdl.operation @scatter_elements {
    %o0 = irdl.base "!builtin.tensor"
    %o1 = irdl.base "!builtin.tensor"
    %o2 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(data: %o0, indices: %o1, updates: %o2)
    irdl.results(result: %r0)
  }
  // ONNX CumSum along axis; optional exclusive, reverse (bool, default false)
  irdl.operation @cumsum {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.base "#builtin.integer"
    irdl.operands(input: %o0)
    irdl.results(result: %r0)
    irdl.attributes {"axis" = %a0}
  }
  // a tensor constant (dense or dense_resource elements)
  irdl.operation @constant {
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.any
    irdl.operands()
    irdl.results(result: %r0)
    irdl.attributes {"value" = %a0}
  }
}
