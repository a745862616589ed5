"""The shape of the kiosk package, read from its own imports (issue 22): import cycles between
modules, private names imported across modules, function-local imports, modules over ~500 lines.

    python benchmarks/architecture_report.py [--rev REV] [--json FILE]

--rev reads a git revision (checked out into a temporary worktree) instead of this checkout, so
a before/after pair comes from one command each. Cycles are the strongly connected components of
the module graph (grimp, the graph import-linter uses), top-level and function-local imports
alike."""
from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONG = 500


def _graph(src: Path) -> dict[str, set[str]]:
    """module -> modules of kiosk it imports (grimp builds it from `src` on sys.path)."""
    code = ("import grimp, json, sys; g = grimp.build_graph('kiosk'); "
            "print(json.dumps({m: sorted(g.find_modules_directly_imported_by(m)) for m in g.modules}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=src, env={"PYTHONPATH": str(src)},
                         capture_output=True, text=True, check=True).stdout
    return {m: {d for d in deps if d.startswith("kiosk")} for m, deps in json.loads(out).items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def _module_name(src: Path, path: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(src: Path):
    """(module, line, imported module, names, function-local) for every `import` in kiosk/."""
    for path in sorted((src / "kiosk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                local |= {id(n) for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                yield _module_name(src, path), node.lineno, node.module, [a.name for a in node.names], id(node) in local
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield _module_name(src, path), node.lineno, alias.name, [], id(node) in local


def report(src: Path) -> dict:
    graph = _graph(src)
    cycles = _cycles(graph)
    private, local = [], []
    for module, line, target, names, is_local in _imports(src):
        if target.startswith("kiosk") and target != module:
            private += [f"{module}:{line} {target}.{n}" for n in names if n.startswith("_")]
        if is_local:
            local.append(f"{module}:{line} {target}")
    sizes = {_module_name(src, p): sum(1 for _ in p.open(encoding="utf-8")) for p in (src / "kiosk").rglob("*.py")}
    lint = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--config", "pyproject.toml"],
                          cwd=src, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    contracts = [line.strip() for line in lint.stdout.splitlines() if line.rstrip().endswith((" KEPT", " BROKEN"))]
    return {
        "modules": len(sizes),
        "lines": sum(sizes.values()),
        "cycles": cycles,
        "private_imports": private,
        "function_local_imports": len(local),
        "function_local_kiosk_imports": sum(1 for item in local if item.split()[1].startswith("kiosk")),
        "over_500_lines": {m: n for m, n in sorted(sizes.items(), key=lambda kv: -kv[1]) if n > LONG},
        "contracts": contracts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="a git revision to read instead of this checkout")
    parser.add_argument("--json", type=Path, help="write the report here")
    args = parser.parse_args()
    if args.rev:
        with tempfile.TemporaryDirectory(prefix="kiosk-arch-") as tmp:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", tmp, args.rev], check=True)
            try:
                result = report(Path(tmp))
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", tmp], check=True)
    else:
        result = report(ROOT)
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
