"""Pembantu validasi bersama (chapter11._validation) pada bentuk masukan yang dipakai halaman."""

from types import SimpleNamespace

import pytest

from chapter11._validation import check_report_list


def test_report_lists_accept_any_collection_a_page_passes():
    reports = {"a": SimpleNamespace(x=1), "b": [SimpleNamespace(x=2), SimpleNamespace(x=3)]}
    for value in (reports, reports.values(), list(reports.values()), tuple(reports.values()),
                  reports["a"]):
        check_report_list("reports", value, ("x",), "laporan X")


@pytest.mark.parametrize("value, error", [
    ({}.values(), ValueError), ([], ValueError), ("abc", TypeError),
    ((r for r in [SimpleNamespace(x=1)]), TypeError), ([SimpleNamespace(y=1)], TypeError),
])
def test_report_lists_reject_empty_or_foreign_values(value, error):
    with pytest.raises(error, match="Diterima"):
        check_report_list("reports", value, ("x",), "laporan X")
