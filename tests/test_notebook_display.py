"""In a real Jupyter kernel (nbclient, no browser), every core result type renders HTML.

One notebook builds one result of each core type; the kernel's display data must carry
``text/html`` with a table for each, and the plain-text repr must be one line.
"""

from __future__ import annotations

import sys

import nbformat
from nbclient import NotebookClient

SETUP = """
import nonequivalent as ne
eco = ne.Economy([[0.2, 0.3], [0.1, 0.4]], labour=[0.5, 0.25],
                 sectors=["agriculture", "industry"])
r = ne.IsoelasticResponse(100.0, 1.0, 0.5)
"""

RESULTS = [
    "eco",
    "ne.production_prices(eco, 0.5, numeraire='agriculture')",
    "ne.uniform_profit_rate(eco, {'agriculture': 0.4})",
    "ne.new_interpretation(eco, [1.0, 1.5], [100, 50], wage=0.9)",
    "ne.price_value_deviation([2.0, 2.0], [1.0, 3.0])",
    "ne.labour_value_benchmark(eco, melt=2.0)",
    "ne.accumulation_fund(taxes=20970.5, price_policy=9399)",
    "ne.squeeze_optimum(r, 1.0)",
    "ne.squeeze_diagnostic(r, 1.0, 0.1)",
    "ne.DualEconomy().outcome(1.0, 1.0)",
    "ne.DualEconomy().comparative_statics(1.0, 1.0)",
    "ne.DualEconomy().optimal_wedge(0.5)",
]


def test_every_core_result_renders_html_in_a_kernel(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP)] + [
        nbformat.v4.new_code_cell(expr) for expr in RESULTS]
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.km_kwargs = {"kernel_cmd": [sys.executable, "-m", "ipykernel_launcher", "-f",
                                       "{connection_file}"]}
    client.execute()
    for expr, cell in zip(RESULTS, nb.cells[1:], strict=True):
        outputs = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert outputs, f"{expr}: no result displayed ({cell.outputs})"
        data = outputs[0]["data"]
        assert "<table" in data.get("text/html", ""), expr
        assert "\n" not in data["text/plain"], expr
