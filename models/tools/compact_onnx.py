"""Compact an exported ONNX graph's structure without changing what it computes.

    /usr/bin/python3 models/tools/compact_onnx.py <model.onnx> [<more.onnx> …]   # rewrites each file in place

train_sketch.py runs this on every export (CNN and ViT), so the fp32 file and every variant the quantizer makes from it
start from the same graph: size ratios compare weights, not exporter naming. What it does:
- Constant nodes become initializers, one per distinct value (the GELUs' √2, 1 and 0.5 are stored once), named c0, c1…
- Intermediate tensors get short names (t0, t1…, in node order); graph inputs, outputs and initializers keep theirs.
  The exporter's names (`/blocks/blocks.0/attn/q/MatMul_output_0`, appearing once as an output and again as every
  input) were a third of the ViT's graph bytes.
- MatMul weights the exporter left unnamed (`onnx::MatMul_290`) are named after their module, `<module>.weight.T`
  (`blocks.0.attn.q.weight.T`): the exporter stores torch's Linear weight transposed, [in, out], for MatMul.
- Node names are kept: the lab's per-layer sensitivity chart labels layers by them.
Weights, operators, attributes and order are untouched, so outputs are bit-identical (models/tools/compact-onnx.test.ts
checks that on the shipped models).
"""
import sys

import onnx
from onnx import numpy_helper


def module_path(node_name):
    """'/blocks/blocks.0/mlp/mlp.0/MatMul' → 'blocks.0.mlp.0': torch's scope segments, each child's full name kept once."""
    path = []
    for segment in node_name.strip('/').split('/')[:-1]:
        if path and segment.startswith(path[-1] + '.'):
            path[-1] = segment
        else:
            path.append(segment)
    return '.'.join(path)


def fold_constants(graph):
    """Constant nodes (attribute `value`) → initializers, identical values shared. Returns {old output name: new name}."""
    renames, by_value = {}, {}
    kept = []
    outputs = {v.name for v in graph.output}
    for node in graph.node:
        value = next((a for a in node.attribute if a.name == 'value'), None) if node.op_type == 'Constant' else None
        # A Constant that is itself a graph output keeps its node: the output's name must not change.
        if value is None or len(node.attribute) != 1 or node.output[0] in outputs:
            kept.append(node)
            continue
        array = numpy_helper.to_array(value.t)
        key = (array.dtype.str, array.shape, array.tobytes())
        if key not in by_value:
            name = f'c{len(by_value)}'
            by_value[key] = name
            graph.initializer.append(numpy_helper.from_array(array, name))
        renames[node.output[0]] = by_value[key]
    del graph.node[:]
    graph.node.extend(kept)
    return renames


def name_matmul_weights(graph):
    """Unnamed (`onnx::…`) MatMul weight initializers → '<module>.weight.T'. Returns {old name: new name}."""
    taken = {t.name for t in graph.initializer}
    renames = {}
    for node in graph.node:
        if node.op_type != 'MatMul' or len(node.input) < 2 or not node.input[1].startswith('onnx::'):
            continue
        weight = node.input[1]
        if weight in renames or weight not in taken:
            continue
        name = module_path(node.name) + '.weight.T'
        if name in taken or not module_path(node.name):
            continue
        renames[weight] = name
        taken.add(name)
    for t in graph.initializer:
        t.name = renames.get(t.name, t.name)
    return renames


def base36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    out = ''
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def compact(model):
    """The model with folded Constants, short intermediate names and named MatMul weights (in place; also returned)."""
    graph = model.graph
    if any(a.type in (onnx.AttributeProto.GRAPH, onnx.AttributeProto.GRAPHS) for n in graph.node for a in n.attribute):
        raise ValueError('compact_onnx: graphs with subgraphs (If/Loop/Scan) are not supported')
    renames = fold_constants(graph)
    renames.update(name_matmul_weights(graph))
    keep = {v.name for v in graph.input} | {v.name for v in graph.output} | {t.name for t in graph.initializer}
    count = 0
    for node in graph.node:
        for i, name in enumerate(node.output):
            if name and name not in keep and name not in renames:
                renames[name] = f't{base36(count)}'
                count += 1
    for node in graph.node:
        for i, name in enumerate(node.input):
            node.input[i] = renames.get(name, name)
        for i, name in enumerate(node.output):
            node.output[i] = renames.get(name, name)
    for info in graph.value_info:
        info.name = renames.get(info.name, info.name)
    onnx.checker.check_model(model)
    return model


def main(paths):
    if not paths:
        sys.exit('usage: compact_onnx.py <model.onnx> [<more.onnx> …]')
    for path in paths:
        model = onnx.load(path)
        before = model.ByteSize()
        onnx.save(compact(model), path)
        print(f'{path}: {before} → {model.ByteSize()} bytes')


if __name__ == '__main__':
    main(sys.argv[1:])
