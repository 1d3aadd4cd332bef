"""Tests of the gate's comparison logic on hand-written BenchmarkDotNet exports (the shape of JsonExporter.Full)."""

import contextlib
import io
import json
import os
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
import gate  # noqa: E402

HOST = {"ProcessorName": "AMD EPYC", "LogicalCoreCount": 2, "OsVersion": "Linux Debian GNU/Linux 12 (bookworm)",
        "RuntimeVersion": ".NET 10.0.12"}

CONFIG = {
    "statistic": "Median",
    "runs": {"r": {"filters": ["*"]}},
    "claims": [
        {"name": "resolver", "run": "r", "type": "ParishResolverBenchmarks", "parameters": {"Dataset": "ApproxEW", "Order": "Shuffled"},
         "ours": "Resolver", "baselines": ["StrTreePreparedCovers", "StrTreeIndexedLocator"], "floor": 20},
        {"name": "parser", "run": "r", "type": "ModernGovParserBenchmarks", "ours": "StreamingParser", "baselines": ["XDocumentMapping"], "floor": 2},
    ],
}


def bench(type_, method, median_ns, parameters="", allocated=0):
    return {"Type": type_, "Method": method, "Parameters": parameters, "FullName": f"LocalGov.Benchmarks.{type_}.{method}",
            "Statistics": {"Median": median_ns, "Mean": median_ns * 1.01, "StandardDeviation": median_ns / 50},
            "Memory": {"BytesAllocatedPerOperation": allocated}}


def resolver_cases(resolver_ns=48.0, prepared_ns=1575.0, locator_ns=1206.0):
    p = "Dataset=ApproxEW&Order=Shuffled"
    other = "Dataset=ApproxEW&Order=FileOrder"
    return [bench("ParishResolverBenchmarks", "Resolver", resolver_ns, p),
            bench("ParishResolverBenchmarks", "StrTreePreparedCovers", prepared_ns, p),
            bench("ParishResolverBenchmarks", "StrTreeIndexedLocator", locator_ns, p),
            # another case of the same methods, which must not be picked
            bench("ParishResolverBenchmarks", "Resolver", 1e6, other),
            bench("ParishResolverBenchmarks", "StrTreeIndexedLocator", 1.0, other)]


def parser_cases(streaming_ns=107_600.0, xdocument_ns=382_000.0):
    return [bench("ModernGovParserBenchmarks", "XDocumentMapping", xdocument_ns),
            bench("ModernGovParserBenchmarks", "StreamingParser", streaming_ns)]


class GateTests(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name
        self.results = os.path.join(self.tmp, "results")
        os.makedirs(self.results)

    def tearDown(self):
        self._tmp.cleanup()

    def export(self, name, benchmarks):
        with open(os.path.join(self.results, f"LocalGov.Benchmarks.{name}-report-full.json"), "w", encoding="utf-8") as handle:
            json.dump({"HostEnvironmentInfo": HOST, "Benchmarks": benchmarks}, handle)

    def outcomes(self, config=CONFIG, listing=None, unavailable=None):
        cases, _ = gate.load_results(self.results)
        return {o.name: o for o in gate.evaluate(config, cases, listing, unavailable)}

    def main(self, config=CONFIG):
        path = os.path.join(self.tmp, "gates.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(config, handle)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = gate.main(["--config", path, "--out", os.path.join(self.tmp, "out"), "--results", self.results])
        return code, out.getvalue(), err.getvalue()

    def test_claims_above_their_floor_pass(self):
        self.export("Resolver", resolver_cases())
        self.export("Parser", parser_cases())
        code, out, _ = self.main()
        self.assertEqual(0, code)
        self.assertIn("resolver: ratio 25.1 (floor 20.0) ok", out)
        self.assertIn("parser: ratio 3.55 (floor 2.00) ok", out)

    def test_a_forced_regression_fails_with_the_figure_floor_and_baseline(self):
        # The parser gets 2.5x slower: 382 us / 269 us = 1.42x, below the 2x floor.
        self.export("Resolver", resolver_cases())
        self.export("Parser", parser_cases(streaming_ns=269_000.0))
        code, out, err = self.main()
        self.assertEqual(1, code)
        self.assertIn("parser: ratio 1.42 (floor 2.00) FAIL", out)
        self.assertIn("ModernGovParserBenchmarks.XDocumentMapping", out)
        self.assertIn("below the floor of 2.00x", out)
        self.assertIn("269 µs/op", out)
        self.assertIn("resolver: ratio 25.1 (floor 20.0) ok", out)
        self.assertIn("benchmark gate FAILED: parser", err)

    def test_the_ratio_is_against_the_fastest_baseline_of_the_chosen_case(self):
        self.export("Resolver", resolver_cases(resolver_ns=50.0, prepared_ns=2000.0, locator_ns=900.0))
        o = self.outcomes()["resolver"]
        self.assertEqual("StrTreeIndexedLocator", o.baseline.method)
        self.assertAlmostEqual(18.0, o.value)
        self.assertEqual(gate.FAIL, o.status)

    def test_exactly_at_the_floor_passes(self):
        self.export("Parser", parser_cases(streaming_ns=100.0, xdocument_ns=200.0))
        self.assertEqual(gate.OK, self.outcomes()["parser"].status)

    def test_a_benchmark_not_defined_any_more_is_skipped_with_the_reason(self):
        self.export("Parser", parser_cases())
        listing = {"LocalGov.Benchmarks.ModernGov.ModernGovParserBenchmarks.StreamingParser",
                   "LocalGov.Benchmarks.ModernGov.ModernGovParserBenchmarks.XDocumentMapping",
                   "LocalGov.Benchmarks.Boundaries.LayeredResolverBenchmarks.Resolve"}
        o = self.outcomes(listing=listing)
        self.assertEqual(gate.SKIPPED, o["resolver"].status)
        self.assertIn("is not defined (renamed or removed?)", o["resolver"].reason)
        self.assertEqual(gate.OK, o["parser"].status)

    def test_a_defined_benchmark_without_a_result_fails(self):
        # Listed (so it exists), but the export has no statistics for it: it threw during the run.
        cases = resolver_cases()
        cases[0]["Statistics"] = None
        self.export("Resolver", cases)
        listing = {f"LocalGov.Benchmarks.Boundaries.ParishResolverBenchmarks.{m}" for m in ("Resolver", "StrTreePreparedCovers", "StrTreeIndexedLocator")}
        o = self.outcomes(listing=listing)["resolver"]
        self.assertEqual(gate.FAIL, o.status)
        self.assertIn("no result for ParishResolverBenchmarks.Resolver", o.reason)
        self.assertEqual("resolver: FAIL (" + o.reason + ")", o.line())

    def test_a_claim_whose_component_is_unavailable_is_skipped_with_the_reason(self):
        config = {**CONFIG, "claims": [{**CONFIG["claims"][0], "requires": ["postgis"]}]}
        o = self.outcomes(config=config, unavailable={"postgis": "LOCALGOV_TEST_POSTGRES is not set"})["resolver"]
        self.assertEqual("resolver: skipped: postgis unavailable: LOCALGOV_TEST_POSTGRES is not set", o.line())

    def test_a_disabled_claim_is_skipped_and_does_not_fail(self):
        config = {**CONFIG, "claims": [{"name": "reports", "enabled": False, "disabledReason": "not merged yet", "kind": "throughput",
                                        "run": "r", "type": "*ReportService*", "ours": "*", "floor": 100}]}
        code, out, _ = self.main(config)
        self.assertEqual(0, code)
        self.assertIn("reports: skipped: not merged yet", out)

    def test_a_throughput_claim_compares_operations_per_second_to_its_floor(self):
        self.export("Reports", [bench("ReportServiceLoadBenchmarks", "SubmitReports", 2_000_000.0)])  # 2 ms per submission
        claim = {"name": "reports", "kind": "throughput", "unit": "submissions/s", "run": "r", "type": "*ReportService*",
                 "ours": "Submit*", "itemsPerOperation": 1, "floor": 400}
        o = self.outcomes(config={**CONFIG, "claims": [claim]})["reports"]
        self.assertAlmostEqual(500.0, o.value)
        self.assertEqual("reports: throughput 500 submissions/s (floor 400) ok", o.line())
        o = self.outcomes(config={**CONFIG, "claims": [{**claim, "floor": 600}]})["reports"]
        self.assertEqual(gate.FAIL, o.status)

    def test_summary_and_chart_are_written(self):
        self.export("Resolver", resolver_cases())
        self.export("Parser", parser_cases(streaming_ns=269_000.0))
        self.main()
        with open(os.path.join(self.tmp, "out", "summary.md"), encoding="utf-8") as handle:
            summary = handle.read()
        self.assertIn("## resolver", summary)
        self.assertIn("| ours | `ParishResolverBenchmarks.Resolver` | Dataset=ApproxEW, Order=Shuffled | 48 ns", summary)
        self.assertIn("| baseline (best) | `ParishResolverBenchmarks.StrTreeIndexedLocator`", summary)
        self.assertIn("floor 2.00×: **FAIL**", summary)
        self.assertIn("AMD EPYC, 2 logical cores", summary)
        self.assertIn("ratios.svg", summary)
        root = ET.parse(os.path.join(self.tmp, "out", "ratios.svg")).getroot()
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        self.assertIn("resolver", texts)
        self.assertIn("1.42× FAIL", texts)

    def test_the_committed_gates_file_is_consistent(self):
        with open(os.path.join(os.path.dirname(__file__), "..", "gates.json"), encoding="utf-8") as handle:
            config = json.load(handle)
        names = [c["name"] for c in config["claims"]]
        self.assertEqual(len(names), len(set(names)))
        for claim in config["claims"]:
            self.assertIn(claim["run"], config["runs"], claim["name"])
            self.assertGreater(claim["floor"], 0, claim["name"])
            if claim.get("kind", "ratio") == "ratio":
                self.assertTrue(claim["baselines"], claim["name"])
        for name in ("resolver-vs-nts", "moderngov-parser-vs-xdocument", "postcodes-bulk-vs-single"):
            self.assertIn(name, names)
        self.assertEqual(20, next(c for c in config["claims"] if c["name"] == "resolver-vs-nts")["floor"])


if __name__ == "__main__":
    unittest.main()
