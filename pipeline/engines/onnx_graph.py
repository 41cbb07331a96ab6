"""ONNX graph rewrites that make speech models repeatable and fast, done once per model file.

  * seedable: each random node (RandomNormalLike, RandomUniformLike) becomes a slice of a
    noise input the caller fills from a seeded numpy generator, so onnxruntime's unseedable
    generator never decides what a take sounds like;
  * 2-D convolutions: each 1-D convolution runs as a 2-D one of height 1 (onnxruntime's
    blocked kernels are 2-D only);
  * has_random_ops: whether a graph (or any subgraph) still draws random numbers itself.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

import numpy as np

RANDOM_OPS = ("RandomNormalLike", "RandomUniformLike", "RandomNormal", "RandomUniform", "Multinomial",
              "Bernoulli")


def seedable_session(model_path: Path, threads: int):
    import onnxruntime

    model, noise_inputs = prepared_model(str(model_path))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return session, list(noise_inputs)


def releasing_run_options():
    """Run options that hand a run's working memory back when the run ends.

    onnxruntime otherwise keeps its arena at the largest run's size for the life of the
    session; with a session per engine and per synthesis thread those high-water marks add
    up (piper with joe: 530 MB resident after a 40-word sentence, 295 MB with this; no
    slower on this machine).
    """
    import onnxruntime

    options = onnxruntime.RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    return options


def prepared_model(model_path: str) -> tuple[bytes, tuple[str, ...]]:
    """The model seedable and faster, serialized for onnxruntime; and the names of its noise inputs.

    Each synthesis thread loads its own session from the same bytes, so they are made once
    per model file (0.3 s) and kept while the file is unchanged.
    """
    stat = Path(model_path).stat()
    with _PREPARING:
        return _prepare(model_path, stat.st_size, stat.st_mtime_ns)


_PREPARING = threading.Lock()


@functools.lru_cache(maxsize=2)
def _prepare(model_path: str, size: int, mtime_ns: int) -> tuple[bytes, tuple[str, ...]]:
    import onnx

    model = onnx.load(model_path)
    noise_inputs = seedable(model.graph)
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 13)
    convs_as_2d(model.graph, opset)
    return model.SerializeToString(), noise_inputs


def seedable(graph) -> tuple[str, ...]:
    """Replace each random node by a slice of a noise input the caller fills from a seeded generator."""
    from onnx import TensorProto, helper

    nodes = []
    noise_inputs = []
    zero = "pipeline_zero_i64"
    for index, node in enumerate(graph.node):
        if node.op_type not in ("RandomNormalLike", "RandomUniformLike"):
            nodes.append(node)
            continue
        name = f"pipeline_noise_{index}"
        noise_inputs.append(name)
        graph.input.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, None, None]))
        shape, starts = f"{name}_shape", f"{name}_starts"
        nodes.append(helper.make_node("Shape", [node.input[0]], [shape]))
        nodes.append(helper.make_node("Mul", [shape, zero], [starts]))
        nodes.append(helper.make_node("Slice", [name, starts, shape], [node.output[0]]))
    graph.initializer.append(helper.make_tensor(zero, TensorProto.INT64, [1], [0]))
    del graph.node[:]
    graph.node.extend(nodes)
    return tuple(noise_inputs)


def convs_as_2d(graph, opset: int = 13) -> int:
    """Run each 1-D convolution as a 2-D one of height 1; return how many were changed.

    onnxruntime has blocked, vectorised kernels for 2-D convolutions only; on one thread
    they make piper's VITS decoder about 9 % faster. The sums are the same up to the order
    of additions (differences below 1e-5 of full scale).
    """
    from onnx import helper, numpy_helper

    weights = {tensor.name: tensor for tensor in graph.initializer}
    axis = "pipeline_axis_2"
    # before opset 13 the axes of (Un)Squeeze are an attribute, not an input
    axes_input, axes_attribute = ([axis], {}) if opset >= 13 else ([], {"axes": [2]})
    widened: dict[str, str] = {}
    nodes, changed = [], 0
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "Conv" and len(node.input) > 1 else None
        if weight is None or len(weight.dims) != 3:
            nodes.append(node)
            continue
        if weight.name not in widened:
            widened[weight.name] = f"{weight.name}_2d"
            graph.initializer.append(numpy_helper.from_array(numpy_helper.to_array(weight)[:, :, None, :],
                                                             widened[weight.name]))
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        for name in ("kernel_shape", "dilations", "strides"):
            if name in attributes:
                attributes[name] = [1, *attributes[name]]
        if "pads" in attributes:
            begin, end = attributes["pads"]
            attributes["pads"] = [0, begin, 0, end]
        wide_in, wide_out = f"{node.output[0]}_2d_in", f"{node.output[0]}_2d_out"
        nodes.append(helper.make_node("Unsqueeze", [node.input[0], *axes_input], [wide_in], **axes_attribute))
        nodes.append(helper.make_node("Conv", [wide_in, widened[weight.name], *node.input[2:]], [wide_out],
                                      name=node.name, **attributes))
        nodes.append(helper.make_node("Squeeze", [wide_out, *axes_input], [node.output[0]], **axes_attribute))
        changed += 1
    if changed:
        if axes_input:
            graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), axis))
        # drop the 1-D weights no node, subgraph or graph input still names
        used = _names_used(nodes) | {v.name for v in graph.input} | {v.name for v in graph.output}
        kept = [t for t in graph.initializer if t.name not in widened or t.name in used]
        del graph.initializer[:]
        graph.initializer.extend(kept)
        del graph.node[:]
        graph.node.extend(nodes)
    return changed


def _names_used(nodes) -> set[str]:
    import onnx
    names = set()
    for node in nodes:
        names.update(node.input)
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.GRAPH:
                names |= _names_used(attribute.g.node)
            for graph in attribute.graphs:
                names |= _names_used(graph.node)
    return names


def has_random_ops(graph) -> bool:
    import onnx
    for node in graph.node:
        if node.op_type in RANDOM_OPS:
            return True
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.GRAPH and has_random_ops(attribute.g):
                return True
            if any(has_random_ops(sub) for sub in attribute.graphs):
                return True
    return False
