"""The piper model preparation: the graph onnxruntime runs must compute what the voice file says."""
import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from pipeline.engines.onnx_graph import convs_as_2d, seedable


def tiny_decoder(opset: int) -> onnx.ModelProto:
    """Two dilated 1-D convolutions with a shared weight, a bias, strides and a residual, like HiFi-GAN."""
    rng = np.random.default_rng(3)
    weight = numpy_helper.from_array(rng.standard_normal((8, 8, 3)).astype(np.float32) * 0.2, "w")
    bias = numpy_helper.from_array(rng.standard_normal(8).astype(np.float32), "b")
    down = numpy_helper.from_array(rng.standard_normal((4, 8, 5)).astype(np.float32) * 0.2, "w_down")
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c1"], kernel_shape=[3], dilations=[3], pads=[3, 3]),
        helper.make_node("LeakyRelu", ["c1"], ["r1"], alpha=0.1),
        helper.make_node("Conv", ["r1", "w"], ["c2"], kernel_shape=[3], pads=[1, 1]),
        helper.make_node("Add", ["c2", "x"], ["res"]),
        helper.make_node("Conv", ["res", "w_down"], ["y"], kernel_shape=[5], strides=[2], pads=[2, 2]),
    ]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, None])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, None])], [weight, bias, down])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=7)


def run(model: onnx.ModelProto, feeds: dict) -> np.ndarray:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)[0]


@pytest.mark.parametrize("opset", [11, 15])
def test_convolutions_as_2d_compute_the_same(opset):
    original = tiny_decoder(opset)
    prepared = onnx.ModelProto()
    prepared.CopyFrom(original)
    assert convs_as_2d(prepared.graph, opset) == 3
    onnx.checker.check_model(prepared)
    assert not {"w", "w_down"} & {t.name for t in prepared.graph.initializer}     # the 1-D copies are gone
    assert all(len(n.attribute[0].ints) == 2 for n in prepared.graph.node
               if n.op_type == "Conv" and n.attribute[0].name == "kernel_shape")
    x = np.random.default_rng(0).standard_normal((1, 8, 1001)).astype(np.float32)
    expected, got = run(original, {"x": x}), run(prepared, {"x": x})
    assert got.shape == expected.shape == (1, 4, 501)
    assert np.abs(got - expected).max() < 1e-5 * np.abs(expected).max()


def test_random_nodes_become_noise_inputs():
    noise = helper.make_node("RandomNormalLike", ["x"], ["n"], dtype=TensorProto.FLOAT)
    graph = helper.make_graph([noise, helper.make_node("Add", ["x", "n"], ["y"])], "noisy",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, None])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2, None])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)], ir_version=7)
    names = seedable(model.graph)
    assert len(names) == 1 and not any(n.op_type.startswith("Random") for n in model.graph.node)
    x = np.zeros((1, 2, 5), dtype=np.float32)
    buffer = np.arange(2 * 3 * 9, dtype=np.float32).reshape(1, 6, 9)
    # the graph takes the first channels and frames of the buffer it is given: same buffer, same output
    y = run(model, {"x": x, names[0]: buffer})
    assert np.array_equal(y, buffer[:, :2, :5])
