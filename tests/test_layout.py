"""The package's shape: stages in subpackages, small modules, no import cycle (deferred imports too)."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["pipeline", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def import_graph() -> dict[str, set[str]]:
    """Module -> the pipeline modules it imports anywhere in its body (inside functions too)."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    # `from pipeline.core import audio` imports the module pipeline.core.audio
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_even_through_deferred_imports():
    graph = import_graph()
    assert graph["pipeline.run.episode"], "the graph must see imports"
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_the_cycle_finder_finds_a_cycle_through_a_deferred_import():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_is_over_the_limit():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long


def test_stages_are_subpackages():
    packages = [p.parent.name for p in PACKAGE.glob("*/__init__.py")]
    assert {"core", "model", "engines", "takes", "mix", "master", "qa", "publish", "run"} <= set(packages)


def test_stages_depend_on_model_and_core_not_on_each_other_engines():
    """Nothing outside engines/ imports one engine's module: they go through the registry."""
    graph = import_graph()
    engine_modules = {"pipeline.engines.piper", "pipeline.engines.kokoro", "pipeline.engines.coqui"}
    for module, targets in graph.items():
        if not module.startswith("pipeline.engines"):
            assert not (targets & engine_modules), module


# every file an episode is made of is named in one place
ARTIFACT_NAMES = {"episode.mp3", "episode.m4a", "episode.opus", "cues.json", "mix.wav", "mix.json", "loudness.json",
                  "qa.json", "chapters.json", "transcript.vtt", "mix.yaml"}


def _literals(tree) -> list[tuple[int, str]]:
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_artifact_file_names_live_in_core_project_only():
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "core" / "project.py":
            continue
        for line, text in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            if text in ARTIFACT_NAMES or any(text.endswith("/" + name) and "/api/" not in text
                                             for name in ARTIFACT_NAMES):
                found.append(f"{path.relative_to(PACKAGE)}:{line}: {text!r}")
    assert not found, found
