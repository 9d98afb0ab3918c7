// The dlc dialect, in IRDL. Loaded at start-up by dialect/dialect_load.c (embedded into the binaries).
// IRDL checks op names, operand/result counts and required attribute kinds; shapes, dtypes and
// optional attributes are checked by the C verifier (dialect/verify_*.c), which IRDL cannot express.
// Each operand/result slot has its own constraint value: IRDL unifies uses of one constraint value,
// so sharing %t between two operands would force them to have the same type. For the same reason every
// element of a variadic operand must have one type, so DLC has no variadic ops: concat is binary, and a
// fusion group is a private func.func carrying a `dlc.fusion` attribute (see dialect/verify_fusion.c).
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
  // reshape to the result type; at most one dynamic result dim, inferred from the element count
  irdl.operation @reshape {
    %o0 = irdl.base "!builtin.tensor"
    %r0 = irdl.base "!builtin.tensor"
    irdl.operands(input: %o0)
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
  // a tensor constant (dense or dense_resource elements)
  irdl.operation @constant {
    %r0 = irdl.base "!builtin.tensor"
    %a0 = irdl.any
    irdl.operands()
    irdl.results(result: %r0)
    irdl.attributes {"value" = %a0}
  }
}
